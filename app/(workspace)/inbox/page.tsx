import { InboxView } from "@/components/inbox/inbox-view";
import { requirePageUser } from "@/lib/auth/guards";
import { listConversations } from "@/lib/inbox/list-conversations";

export const metadata = { title: "Inbox · Switchboard" };
export const dynamic = "force-dynamic";

export default async function InboxPage() {
  const user = await requirePageUser("inbox.view");
  const { items } = await listConversations({ userId: user.id });
  return <InboxView user={{ id: user.id, name: user.name }} initialConversations={items} />;
}
