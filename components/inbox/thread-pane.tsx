"use client";

import { useTranslations } from "next-intl";
import { useEffect, useEffectEvent, useState } from "react";
import { ApiError } from "@/components/api/client";
import { useErrorText } from "@/components/i18n/use-error-text";
import { useConversation, useLabels, useMessages, usePresence, useTeammates } from "@/components/api/hooks";
import { useAddNote, useSendAction, useSendMessage, useUpdateConversation } from "@/components/api/mutations";
import type { ConversationPatch } from "@/components/api/types";
import { ContactPanel } from "./contact-panel";
import { ConversationActions } from "./conversation-actions";
import { ConversationNotFound } from "./conversation-not-found";
import { useInbox } from "./inbox-context";
import { useInboxPane } from "./use-inbox-pane";
import { PresenceBar } from "./presence-bar";
import { Thread } from "./thread";
import { useInboxKeys } from "./use-inbox-keys";

type Menu = "assign" | "snooze" | "labels" | null;

/**
 * The open conversation (its id comes from the URL): the thread, its actions and the customer. Every
 * read and write here is keyed by this id, so a late answer for another conversation cannot land here.
 */
export function ThreadPane({ conversationId }: { conversationId: string }) {
  const { me, socket, connected } = useInbox();
  const conversation = useConversation(conversationId);
  const messages = useMessages(conversationId);
  const presence = usePresence(conversationId);
  const labels = useLabels();
  const teammates = useTeammates();
  const update = useUpdateConversation(conversationId);
  const send = useSendMessage(conversationId);
  const note = useAddNote(conversationId);
  const sendAction = useSendAction(conversationId);
  const [menu, setMenu] = useState<Menu>(null);
  const { pane } = useInboxPane();
  const t = useTranslations("thread");
  const errorText = useErrorText();

  // Opening a conversation reads it: a write the server records once the agent has it on screen.
  const markRead = useEffectEvent(() => update.mutate({ markRead: true }));
  useEffect(() => markRead(), [conversationId]);

  // Presence and typing come through the conversation's room, joined again after a reconnection.
  useEffect(() => {
    if (!socket || !connected) return;
    socket.emit("conversation.join", conversationId, () => {});
    return () => void socket.emit("conversation.leave", conversationId);
  }, [socket, connected, conversationId]);

  const current = conversation.data;
  const change = (changes: ConversationPatch) => {
    setMenu(null);
    update.mutate(changes);
  };
  useInboxKeys({
    resolve: () => current && change({ status: current.status === "RESOLVED" ? "OPEN" : "RESOLVED" }),
    assign: () => current && setMenu("assign"),
    escape: () => setMenu(null),
  });

  if (conversation.error instanceof ApiError && conversation.error.status === 404) return <ConversationNotFound />;
  if (!current) {
    return (
      <main className="flex min-w-0 flex-1 items-center justify-center text-sm text-slate-500">
        {conversation.error ? errorText(conversation.error) : t("loadingConversation")}
      </main>
    );
  }
  // The header's mark-read answer is not an action the agent took, so its errors stay quiet.
  const actionError = update.error && !update.variables?.markRead ? errorText(update.error) : null;
  return (
    <>
      <main className={`min-w-0 flex-1 flex-col ${pane === "contact" ? "hidden md:flex" : "flex"}`}>
        <Thread
          conversation={current}
          messages={messages.items}
          error={messages.error ? errorText(messages.error) : sendAction.error ? errorText(sendAction.error) : null}
          loading={messages.isPending}
          onSend={async (input) => void (await send.mutateAsync(input))}
          onNote={async (text, mentions) => void (await note.mutateAsync({ text, mentions }))}
          onSendAction={async (messageId, action) => void (await sendAction.mutateAsync({ messageId, action }).catch(() => undefined))}
          hasOlder={messages.hasNextPage}
          onLoadOlder={async () => void (await messages.fetchNextPage())}
          presence={presence}
          actions={
            <ConversationActions
              conversation={current}
              me={me.id}
              teammates={teammates.data?.users ?? []}
              teams={teammates.data?.teams ?? []}
              labels={labels.data?.items ?? []}
              menu={menu}
              onMenu={setMenu}
              onChange={change}
            />
          }
          banner={
            <>
              <PresenceBar presence={presence} me={me.id} />
              {actionError && (
                <p role="alert" className="border-b border-red-100 bg-red-50 px-4 py-1 text-xs text-red-700">
                  {actionError}
                </p>
              )}
            </>
          }
        />
      </main>
      <ContactPanel key={current.contact.id} conversation={current} />
    </>
  );
}
