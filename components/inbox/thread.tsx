"use client";

import { useLayoutEffect, useRef, useState } from "react";
import { ReplyIcon } from "@/components/ui/icons";
import { MessageTicks } from "@/components/ui/message-ticks";
import type { SendInput } from "@/lib/inbox/outbound-schema";
import type { ConversationDto, MessageDto, PresenceDto } from "@/lib/inbox/types";
import { describeMetaError } from "@/lib/whatsapp/error-messages";
import { Composer } from "./composer";
import { MessageContent } from "./message-content";
import { isNotice, SystemNotice } from "./message/notices";
import { ReactionsRow } from "./message/reactions-row";
import { ReferralCard } from "./message/referral-card";
import type { RealtimeSocket } from "./use-realtime";
import { BillingBadge, useNow, WindowBadge } from "./window-badge";
import type { CannedResponse, Teammate } from "./workspace-api";

type Props = {
  conversation: ConversationDto;
  messages: MessageDto[];
  error: string | null;
  loading: boolean;
  onSend: (input: SendInput) => Promise<void>;
  onNote: (text: string, mentions: string[]) => Promise<void>;
  onRetry: (messageId: string) => Promise<void>;
  hasOlder: boolean;
  onLoadOlder: () => Promise<void>;
  socket: RealtimeSocket | null;
  presence: PresenceDto | null;
  me: string;
  teammates: Teammate[];
  canned: CannedResponse[];
  // The header's actions (assign, resolve…) and what shows under it (who else is here).
  actions: React.ReactNode;
  banner: React.ReactNode;
};

export function Thread(props: Props) {
  const { conversation, messages, error, hasOlder, onLoadOlder } = props;
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
      <header className="flex h-14 shrink-0 items-center justify-between gap-3 border-b border-slate-200 bg-white px-4">
        <div className="min-w-0">
          <h2 className="truncate text-sm font-semibold" data-testid="thread-title">
            {conversation.contact.name ?? `+${conversation.contact.waId}`}
          </h2>
          <p className="truncate text-xs text-slate-500">
            {conversation.contact.waId
              ? `+${conversation.contact.waId}`
              : conversation.contact.username
                ? `@${conversation.contact.username}`
                : conversation.contact.bsuid}
            {conversation.assignee ? ` · ${conversation.assignee.name}` : " · unassigned"}
            {conversation.team ? ` · ${conversation.team.name}` : ""}
            {conversation.status !== "OPEN" ? ` · ${conversation.status.toLowerCase()}` : ""}
          </p>
        </div>
        <div className="flex shrink-0 items-center gap-1.5">
          <BillingBadge billing={conversation.billing} />
          <WindowBadge
            expiresAt={conversation.billingWindow.expiresAt ?? conversation.windowExpiresAt}
            kind={conversation.billingWindow.kind}
          />
          {props.actions}
        </div>
      </header>
      {props.banner}
      <div
        ref={scroller}
        onScroll={(event) => hasOlder && event.currentTarget.scrollTop < 40 && keepFromBottom.current === null && void loadOlder()}
        className="min-h-0 flex-1 overflow-y-auto bg-[#efeae2] px-6 py-4"
        data-testid="thread"
      >
        {hasOlder && (
          <div className="mb-2 flex justify-center">
            <button
              onClick={() => void loadOlder()}
              className="rounded-md bg-white/80 px-2 py-0.5 text-xs text-slate-600 shadow-sm hover:bg-white"
            >
              Load earlier messages
            </button>
          </div>
        )}
        {error && <p className="mb-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{error}</p>}
        {props.loading && messages.length === 0 && <p className="py-8 text-center text-sm text-slate-500">Loading messages…</p>}
        {conversation.referral && <ReferralCard referral={conversation.referral} />}
        {messages.map((message, index) => (
          <div key={message.id}>
            {startsNewDay(messages[index - 1], message) && <DaySeparator iso={message.timestamp} />}
            {expiredAt && expiredBetween(messages[index - 1], message, expiredAt) && <WindowExpired at={expiredAt} />}
            <Entry message={message} onReply={setReplyTo} onRetry={props.onRetry} />
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
        socket={props.socket}
        presence={props.presence}
        me={props.me}
        teammates={props.teammates}
        canned={props.canned}
      />
    </>
  );
}

function Entry({
  message,
  onReply,
  onRetry,
}: {
  message: MessageDto;
  onReply: (message: MessageDto) => void;
  onRetry: (id: string) => Promise<void>;
}) {
  if (message.type === "activity") {
    return (
      <p className="my-2 text-center text-[11px] text-slate-500" data-testid="activity">
        {message.text} · {new Date(message.timestamp).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })}
      </p>
    );
  }
  if (message.type === "note") return <Note message={message} />;
  if (isNotice(message)) return <SystemNotice message={message} />;
  return <Bubble message={message} onReply={onReply} onRetry={onRetry} />;
}

function Note({ message }: { message: MessageDto }) {
  return (
    <div className="mb-1.5 flex justify-end">
      <div data-testid="note" className="max-w-[70%] rounded-lg border border-amber-200 bg-amber-50 px-2.5 py-1.5 text-sm shadow-sm">
        <p className="mb-0.5 text-[10px] font-semibold uppercase tracking-wide text-amber-700">Private note · only your team sees this</p>
        <p className="whitespace-pre-wrap break-words">{message.text}</p>
        <p className="mt-0.5 text-right text-[11px] text-slate-500">
          {message.sender?.name} · {new Date(message.timestamp).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })}
        </p>
      </div>
    </div>
  );
}

function Bubble({
  message,
  onReply,
  onRetry,
}: {
  message: MessageDto;
  onReply: (message: MessageDto) => void;
  onRetry: (id: string) => Promise<void>;
}) {
  const outbound = message.direction === "OUTBOUND";
  const [retrying, setRetrying] = useState(false);
  return (
    <>
      <div className={`group mb-1.5 flex items-center gap-1 ${outbound ? "flex-row-reverse" : ""}`}>
        <div
          data-testid="message"
          data-direction={message.direction}
          data-blocked={message.receivedWhileBlocked || undefined}
          className={`max-w-[70%] rounded-lg px-2.5 py-1.5 text-sm shadow-sm ${bubbleColour(message)}`}
        >
          <MessageContent message={message} />
          <div className="mt-0.5 flex items-center justify-end gap-1 text-[11px] text-slate-500">
            {message.sender && outbound && <span className="mr-1">{message.sender.name}</span>}
            <time dateTime={message.timestamp}>
              {new Date(message.timestamp).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })}
            </time>
            {outbound && <MessageTicks status={message.status} />}
          </div>
          {message.status === "FAILED" && (
            <div
              className="mt-1 flex items-start justify-between gap-2 border-t border-red-200 pt-1 text-xs text-red-700"
              data-testid="message-error"
            >
              <span>
                Not delivered: {describeMetaError({ code: message.error?.code, title: message.error?.title })}
                {message.error?.code ? ` (${message.error.code})` : ""}
              </span>
              <button
                disabled={retrying}
                onClick={async () => {
                  setRetrying(true);
                  await onRetry(message.id).finally(() => setRetrying(false));
                }}
                className="shrink-0 rounded border border-red-300 px-1.5 font-medium hover:bg-red-50 disabled:opacity-50"
                data-testid="retry-button"
              >
                {retrying ? "Retrying…" : "Retry"}
              </button>
            </div>
          )}
        </div>
        {message.externalId && (
          <button
            onClick={() => onReply(message)}
            title="Reply to this message"
            className="invisible rounded px-1 text-xs text-slate-500 hover:bg-white/70 group-hover:visible"
          >
            <ReplyIcon />
          </button>
        )}
      </div>
      <ReactionsRow reactions={message.reactions} outbound={outbound} />
    </>
  );
}

// A message from a blocked customer is greyed: kept for the record, not something to answer.
function bubbleColour(message: MessageDto): string {
  if (message.receivedWhileBlocked) return "bg-slate-100 text-slate-500 opacity-70";
  return message.direction === "OUTBOUND" ? "bg-[#d9fdd3]" : "bg-white";
}

function WindowExpired({ at }: { at: string }) {
  return (
    <p className="my-2 text-center text-[11px] text-slate-500" data-testid="activity">
      The 24 h customer service window closed ·{" "}
      {new Date(at).toLocaleString([], { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" })}
    </p>
  );
}

function expiredBetween(previous: MessageDto | undefined, message: MessageDto, at: string): boolean {
  return (!previous || previous.timestamp <= at) && message.timestamp > at;
}

function DaySeparator({ iso }: { iso: string }) {
  return (
    <div className="my-3 flex justify-center">
      <span className="rounded-md bg-white/80 px-2 py-0.5 text-[11px] text-slate-500 shadow-sm">
        {new Date(iso).toLocaleDateString([], { weekday: "long", day: "numeric", month: "long" })}
      </span>
    </div>
  );
}

function startsNewDay(previous: MessageDto | undefined, message: MessageDto): boolean {
  return !previous || new Date(previous.timestamp).toDateString() !== new Date(message.timestamp).toDateString();
}
