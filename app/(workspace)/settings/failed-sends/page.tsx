import { FailedSends } from "@/components/settings/failed-sends";
import { requirePageUser } from "@/lib/auth/guards";
import { listDeadLetters } from "@/lib/conversations/dead-letters";

export const metadata = { title: "Failed sends · Switchboard" };
export const dynamic = "force-dynamic";

export default async function FailedSendsPage() {
  await requirePageUser("settings.manage");
  const { items } = await listDeadLetters();
  return (
    <div className="mx-auto h-full max-w-5xl overflow-y-auto p-6">
      <h1 className="text-lg font-semibold">Failed sends</h1>
      <p className="mb-4 text-sm text-slate-500">
        Messages whose sending gave up after its last retry, usually because WhatsApp kept answering with a passing error. Retry sends the
        message again under the usual rules; a message an agent has resent meanwhile leaves this list by itself.
      </p>
      <FailedSends items={items} />
    </div>
  );
}
