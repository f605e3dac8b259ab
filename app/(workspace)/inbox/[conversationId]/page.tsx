import { getTranslations } from "next-intl/server";
import { ConversationNotFound } from "@/components/inbox/conversation-not-found";
import { ThreadPane } from "@/components/inbox/thread-pane";
import { requirePageUser } from "@/lib/auth/guards";
import { AppError } from "@/lib/errors";
import { findConversationForUser } from "@/lib/conversations/find-conversation";

export async function generateMetadata() {
  const t = await getTranslations();
  return { title: t("meta.title", { page: t("workspace.inbox") }) };
}
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ conversationId: string }> };

// A link to one conversation. One outside the agent's inboxes reads as not found, as the API does.
export default async function ConversationPage({ params }: Props) {
  const user = await requirePageUser("inbox.view");
  const { conversationId } = await params;
  const visible = await findConversationForUser({ conversationId, userId: user.id }).then(
    () => true,
    (error: unknown) => {
      if (error instanceof AppError && error.code === "NOT_FOUND") return false;
      throw error;
    },
  );
  if (!visible) return <ConversationNotFound />;
  return <ThreadPane key={conversationId} conversationId={conversationId} />;
}
