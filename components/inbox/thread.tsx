"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useLayoutEffect, useRef, useState } from "react";
import type { SendInput } from "@/lib/conversations/outbound-schema";
import type { ConversationDto, MessageDto, PresenceDto } from "@/lib/conversations/types";
import { Composer } from "./composer";
import { BackToList, ContactToggle } from "./pane-controls";
import { ThreadAnnouncer } from "./thread-announcer";
import { ReferralCard } from "./message/referral-card";
import type { SendAction } from "./message/send-problem";
import { DaySeparator, Entry, expiredBetween, startsNewDay, WindowExpired } from "./message/thread-entry";
import { useNow } from "@/components/ui/use-now";
import { ChannelMark } from "./channel-mark";
import { BillingBadge, ConversationWindowBadge } from "./window-badge";

type Props = {
  conversation: ConversationDto;
  messages: MessageDto[];
  error: string | null;
  loading: boolean;
  onSend: (input: SendInput) => Promise<void>;
  onNote: (text: string, mentions: string[]) => Promise<void>;
  onSendAction: SendAction;
  hasOlder: boolean;
  onLoadOlder: () => Promise<void>;
  presence: PresenceDto | null;
  // The header's actions (assign, resolve…) and what shows under it (who else is here).
  actions: React.ReactNode;
  banner: React.ReactNode;
};

export function Thread(props: Props) {
  const { conversation, messages, error, hasOlder, onLoadOlder } = props;
  const t = useTranslations("thread");
  const format = useFormatter();
  const day = (iso: string) => format.dateTime(new Date(iso), { year: "numeric", month: "numeric", day: "numeric" });
  const scroller = useRef<HTMLDivElement>(null);
  const [replyTo, setReplyTo] = useState<MessageDto | null>(null);
  const keepFromBottom = useRef<number | null>(null);
  const lastId = messages.at(-1)?.id;
  const now = useNow(60_000);
  // The moment the 24 h window closed, shown as an activity line where it falls in the thread.
  const expiredAt =
    conversation.windowExpiresAt && new Date(conversation.windowExpiresAt).getTime() <= now ? conversation.windowExpiresAt : null;

  // New messages scroll to the bottom; older ones loaded at the top keep the reader's place.
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    if (keepFromBottom.current !== null) {
      element.scrollTop = element.scrollHeight - keepFromBottom.current;
      keepFromBottom.current = null;
    } else {
      element.scrollTop = element.scrollHeight;
    }
  }, [lastId, messages.length, conversation.id]);

  async function loadOlder() {
    const element = scroller.current;
    if (element) keepFromBottom.current = element.scrollHeight - element.scrollTop;
    await onLoadOlder();
  }

  return (
    <>
      <header className="flex shrink-0 flex-wrap items-center justify-between gap-x-3 gap-y-1.5 border-b border-slate-200 bg-white px-3 py-1.5 md:h-14 md:flex-nowrap md:px-4 md:py-0">
        <BackToList />
        <div className="flex min-w-0 flex-1 items-center gap-2">
          <Avatar contact={conversation.contact} />
          <div className="min-w-0">
            <div className="flex min-w-0 items-center gap-1.5">
              <ChannelMark kind={conversation.channel.kind} />
              <h2 className="truncate text-sm font-semibold" data-testid="thread-title">
                {conversation.contact.displayName}
              </h2>
            </div>
            <p className="truncate text-xs text-slate-500">
              {[
                conversation.contact.waId
                  ? `+${conversation.contact.waId}`
                  : conversation.contact.username
                    ? `@${conversation.contact.username}`
                    : conversation.contact.psid
                      ? t("messengerUser")
                      : conversation.contact.bsuid,
                conversation.assignee ? conversation.assignee.name : t("unassigned"),
                conversation.team?.name,
                conversation.status !== "OPEN" ? t("status", { status: conversation.status }) : null,
              ]
                .filter(Boolean)
                .join(" · ")}
            </p>
          </div>
        </div>
        <ContactToggle />
        <div className="flex w-full flex-wrap items-center gap-1.5 md:w-auto md:shrink-0 md:flex-nowrap">
          <BillingBadge billing={conversation.billing} />
          <ConversationWindowBadge conversation={conversation} />
          {props.actions}
        </div>
      </header>
      {props.banner}
      <ThreadAnnouncer conversationId={conversation.id} customer={conversation.contact.displayName} messages={messages} />
      <div
        ref={scroller}
        onScroll={(event) => hasOlder && event.currentTarget.scrollTop < 40 && keepFromBottom.current === null && void loadOlder()}
        className="min-h-0 flex-1 overflow-y-auto bg-wallpaper px-3 py-4 md:px-6"
        data-testid="thread"
      >
        {hasOlder && (
          <div className="mb-2 flex justify-center">
            <button
              onClick={() => void loadOlder()}
              className="rounded-md bg-white/80 px-2 py-0.5 text-xs text-slate-600 shadow-sm hover:bg-white"
            >
              {t("loadEarlier")}
            </button>
          </div>
        )}
        {error && <p className="mb-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{error}</p>}
        {props.loading && messages.length === 0 && <p className="py-8 text-center text-sm text-slate-500">{t("loadingMessages")}</p>}
        {conversation.referral && <ReferralCard referral={conversation.referral} />}
        {messages.map((message, index) => (
          <div key={message.id}>
            {startsNewDay(messages[index - 1], message, day) && <DaySeparator iso={message.timestamp} />}
            {expiredAt && expiredBetween(messages[index - 1], message, expiredAt) && <WindowExpired at={expiredAt} />}
            <Entry message={message} channel={conversation.channel.kind} onReply={setReplyTo} onSendAction={props.onSendAction} />
          </div>
        ))}
        {expiredAt && (messages.length === 0 || messages[messages.length - 1].timestamp <= expiredAt) && <WindowExpired at={expiredAt} />}
      </div>
      <Composer
        key={conversation.id}
        conversation={conversation}
        messages={messages}
        replyTo={replyTo}
        onCancelReply={() => setReplyTo(null)}
        onSend={async (input) => {
          await props.onSend(replyTo ? { ...input, replyTo: replyTo.id } : input);
          setReplyTo(null);
        }}
        onNote={props.onNote}
        presence={props.presence}
      />
    </>
  );
}

/** The customer's profile picture (Messenger), when the Page could read it. */
function Avatar({ contact }: { contact: ConversationDto["contact"] }) {
  if (!contact.avatarMediaId) return null;
  // eslint-disable-next-line @next/next/no-img-element -- a stored file served by /api/media, not a static asset
  return <img src={`/api/media/${contact.avatarMediaId}`} alt="" className="h-8 w-8 shrink-0 rounded-full" data-testid="contact-avatar" />;
}
