import { FlowsEditor } from "@/components/settings/flows-editor";
import { requirePageUser } from "@/lib/auth/guards";
import { db } from "@/lib/db/client";
import { listFlows } from "@/lib/whatsapp/flows";

export const metadata = { title: "Flows · Switchboard" };
export const dynamic = "force-dynamic";

export default async function FlowsPage() {
  const user = await requirePageUser("settings.manage");
  // Flows are registered per channel; admins pick it by its inbox's name.
  const inboxes = await db.inbox.findMany({ orderBy: { name: "asc" }, select: { channelId: true, name: true } });
  const channels = inboxes.map((inbox) => ({ id: inbox.channelId, name: inbox.name }));
  return (
    <div className="mx-auto h-full max-w-3xl overflow-y-auto p-6">
      <h1 className="text-lg font-semibold">Flows</h1>
      <p className="mb-4 text-sm text-slate-500">
        Forms built in Meta&apos;s Flow Builder (appointment booking, sign-ups, surveys) that agents can send from the composer. The
        customer&apos;s answers come back into the conversation as a readable form.
      </p>
      <FlowsEditor initial={await listFlows({ userId: user.id })} channels={channels} />
    </div>
  );
}
