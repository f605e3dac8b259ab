import { getTranslations } from "next-intl/server";
import { FailedSends } from "@/components/settings/failed-sends";
import { requirePageUser } from "@/lib/auth/guards";
import { listDeadLetters } from "@/lib/conversations/dead-letters";

export async function generateMetadata() {
  const t = await getTranslations("meta");
  return { title: t("title", { page: t("failedSends") }) };
}
export const dynamic = "force-dynamic";

export default async function FailedSendsPage() {
  await requirePageUser("settings.manage");
  const { items } = await listDeadLetters();
  const t = await getTranslations("settings.failedSends");
  return (
    <div className="mx-auto h-full max-w-5xl overflow-y-auto p-6">
      <h1 className="text-lg font-semibold">{t("title")}</h1>
      <p className="mb-4 text-sm text-slate-500">{t("intro")}</p>
      <FailedSends items={items} />
    </div>
  );
}
