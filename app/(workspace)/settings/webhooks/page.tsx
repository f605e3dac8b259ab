import { WebhookBacklog } from "@/components/settings/webhook-backlog";
import { WebhookLog } from "@/components/settings/webhook-log";
import { requirePageUser } from "@/lib/auth/guards";
import { webhookBacklog } from "@/lib/webhooks/backlog";
import { listWebhookEvents } from "@/lib/webhooks/webhook-log";

export const metadata = { title: "Webhook log · Switchboard" };
export const dynamic = "force-dynamic";

export default async function WebhookLogPage({ searchParams }: { searchParams: Promise<{ state?: string }> }) {
  await requirePageUser("webhooks.replay");
  const { state } = await searchParams;
  const filter = state === "FAILED" || state === "PROCESSED" || state === "RECEIVED" ? state : undefined;
  const [events, backlog] = await Promise.all([listWebhookEvents({ state: filter, limit: 100 }), webhookBacklog()]);
  return (
    <div className="mx-auto h-full max-w-5xl overflow-y-auto p-6">
      <h1 className="text-lg font-semibold">Webhook log</h1>
      <p className="mb-4 text-sm text-slate-500">
        Every body Meta delivered is kept here: it is stored, answered, then processed moments later. One that failed keeps its error and
        can be replayed once the cause is fixed.
      </p>
      <WebhookBacklog initial={backlog} />
      <WebhookLog events={events} filter={filter ?? "ALL"} />
    </div>
  );
}
