import { InboxView } from "@/components/inbox/inbox-view";
import { defaultFilter } from "@/lib/inbox/list-filter";
import { requirePageUser } from "@/lib/auth/guards";
import { listConversations } from "@/lib/inbox/list-conversations";

export const metadata = { title: "Inbox · Switchboard" };
export const dynamic = "force-dynamic";

export default async function InboxPage() {
  const user = await requirePageUser("inbox.view");
  const { items, nextCursor } = await listConversations({ userId: user.id, filter: defaultFilter });
  return <InboxView user={{ id: user.id, name: user.name }} initialConversations={items} initialCursor={nextCursor} />;
}
