import { NuqsAdapter } from "nuqs/adapters/next/app";
import { Dashboard } from "@/components/dashboard/dashboard";
import { NotForRole } from "@/components/workspace/not-for-role";
import { requirePageUser } from "@/lib/auth/guards";
import { can, permissions } from "@/lib/auth/permissions";
import { roleLabels } from "@/lib/users/choices";
import { getAccount } from "@/lib/users/get-account";

export const metadata = { title: "Dashboard · Switchboard" };
export const dynamic = "force-dynamic";

// Managers and admins see the statistics; anyone else signed in is told the page is not for their
// role (the statistics API answers them 403).
export default async function DashboardPage() {
  const user = await requirePageUser();
  if (!can(user.role, "dashboard.view")) {
    const roles = permissions["dashboard.view"].map((role) => `${roleLabels[role].toLowerCase()}s`).join(" and ");
    return <NotForRole page="The dashboard" roles={roles} />;
  }
  const account = await getAccount({ userId: user.id });
  return (
    <NuqsAdapter>
      <Dashboard locale={account.locale} timeZone={account.timeZone} timeZones={Intl.supportedValuesOf("timeZone")} />
    </NuqsAdapter>
  );
}
