import { InboxShell } from "@/components/inbox/inbox-shell";
import { requirePageUser } from "@/lib/auth/guards";
import { defaultFilter } from "@/lib/conversations/list-filter";
import { listConversations } from "@/lib/conversations/list-conversations";

// The inbox's frame stays mounted while the agent moves between conversations (/inbox/<id>): the
// socket and the list survive; only the thread pane changes.
export default async function InboxLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageUser("inbox.view");
  const initialPage = await listConversations({ userId: user.id, filter: defaultFilter });
  return (
    <InboxShell user={{ id: user.id, name: user.name }} initialPage={initialPage}>
      {children}
    </InboxShell>
  );
}
