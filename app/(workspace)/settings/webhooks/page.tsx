import { getTranslations } from "next-intl/server";
import { WebhookBacklog } from "@/components/settings/webhook-backlog";
import { WebhookLog } from "@/components/settings/webhook-log";
import { requirePageUser } from "@/lib/auth/guards";
import { webhookBacklog } from "@/lib/webhooks/backlog";
import { listWebhookEvents } from "@/lib/webhooks/webhook-log";

export async function generateMetadata() {
  const t = await getTranslations("meta");
  return { title: t("title", { page: t("webhooks") }) };
}
export const dynamic = "force-dynamic";

export default async function WebhookLogPage({ searchParams }: { searchParams: Promise<{ state?: string }> }) {
  await requirePageUser("webhooks.replay");
  const { state } = await searchParams;
  const filter = state === "FAILED" || state === "PROCESSED" || state === "RECEIVED" ? state : undefined;
  const [events, backlog] = await Promise.all([listWebhookEvents({ state: filter, limit: 100 }), webhookBacklog()]);
  const t = await getTranslations("settings");
  return (
    <div className="mx-auto h-full max-w-5xl overflow-y-auto p-6">
      <h1 className="text-lg font-semibold">{t("webhooks.title")}</h1>
      <p className="mb-4 text-sm text-slate-500">{t("webhooks.introQueued")}</p>
      <WebhookBacklog initial={backlog} />
      <WebhookLog events={events} filter={filter ?? "ALL"} />
    </div>
  );
}
