import { getTranslations } from "next-intl/server";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import { Dashboard } from "@/components/dashboard/dashboard";
import { NotForRole } from "@/components/workspace/not-for-role";
import { requirePageUser } from "@/lib/auth/guards";
import { can, permissions } from "@/lib/auth/permissions";

export async function generateMetadata() {
  const t = await getTranslations("meta");
  return { title: t("title", { page: t("dashboard") }) };
}
export const dynamic = "force-dynamic";

// Managers and admins see the statistics; anyone else signed in is told the page is not for their
// role (the statistics API answers them 403).
export default async function DashboardPage() {
  const user = await requirePageUser();
  if (!can(user.role, "dashboard.view")) {
    return <NotForRole page="dashboard" roles={permissions["dashboard.view"]} />;
  }
  return (
    <NuqsAdapter>
      <Dashboard timeZones={Intl.supportedValuesOf("timeZone")} />
    </NuqsAdapter>
  );
}
