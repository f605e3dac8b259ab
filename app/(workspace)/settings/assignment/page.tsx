import { getTranslations } from "next-intl/server";
import { AssignmentEditor } from "@/components/settings/assignment-editor";
import { requirePageUser } from "@/lib/auth/guards";
import { assignmentSettings } from "@/lib/conversations/assignment-settings";

export async function generateMetadata() {
  const t = await getTranslations("meta");
  return { title: t("title", { page: t("assignment") }) };
}
export const dynamic = "force-dynamic";

export default async function AssignmentPage() {
  await requirePageUser("settings.manage");
  const t = await getTranslations("settings");
  return (
    <div className="mx-auto h-full max-w-3xl overflow-y-auto p-6">
      <h1 className="text-lg font-semibold">{t("assignment.title")}</h1>
      <p className="mb-4 text-sm text-slate-500">{t("assignment.intro")}</p>
      <AssignmentEditor initial={await assignmentSettings()} />
    </div>
  );
}
