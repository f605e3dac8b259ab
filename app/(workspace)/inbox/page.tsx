import { NoConversation } from "@/components/inbox/no-conversation";
import { requirePageUser } from "@/lib/auth/guards";

export const metadata = { title: "Inbox · Switchboard" };
export const dynamic = "force-dynamic";

export default async function InboxPage() {
  await requirePageUser("inbox.view");
  return <NoConversation />;
}
