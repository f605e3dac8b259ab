import { getTranslations } from "next-intl/server";
import { FlowsEditor } from "@/components/settings/flows-editor";
import { requirePageUser } from "@/lib/auth/guards";
import { db } from "@/lib/db/client";
import { listFlows } from "@/lib/whatsapp/flows";

export async function generateMetadata() {
  const t = await getTranslations("meta");
  return { title: t("title", { page: t("flows") }) };
}
export const dynamic = "force-dynamic";

export default async function FlowsPage() {
  const user = await requirePageUser("settings.manage");
  // Flows are registered per channel; admins pick it by its inbox's name.
  const inboxes = await db.inbox.findMany({ orderBy: { name: "asc" }, select: { channelId: true, name: true } });
  const channels = inboxes.map((inbox) => ({ id: inbox.channelId, name: inbox.name }));
  const t = await getTranslations("settings");
  return (
    <div className="mx-auto h-full max-w-3xl overflow-y-auto p-6">
      <h1 className="text-lg font-semibold">{t("flows.title")}</h1>
      <p className="mb-4 text-sm text-slate-500">{t("flows.intro")}</p>
      <FlowsEditor initial={await listFlows({ userId: user.id })} channels={channels} />
    </div>
  );
}
