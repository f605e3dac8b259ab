"use client";

import { useFormatter, useTranslations } from "next-intl";
import { ReplyIcon } from "@/components/ui/icons";
import { MessageTicks } from "@/components/ui/message-ticks";
import type { ChannelSummary, MessageDto } from "@/lib/conversations/types";
import { MessageContent } from "../message-content";
import { isNotice, SystemNotice } from "./notices";
import { ActivityLine, WindowClosedLine } from "./activity-line";
import { ReactionsRow } from "./reactions-row";
import { SendProblem, type SendAction } from "./send-problem";

// One line of the thread: an activity, a private note, a system notice or a message bubble, and
// the separators between days and around the 24 h window's end.

export function Entry({
  message,
  channel = "whatsapp",
  onReply,
  onSendAction,
}: {
  message: MessageDto;
  channel?: ChannelSummary["kind"];
  onReply: (message: MessageDto) => void;
  onSendAction: SendAction;
}) {
  if (message.type === "activity") {
    return <ActivityLine activity={message.activity ?? { kind: "text", params: { text: message.text } }} at={message.timestamp} />;
  }
  if (message.type === "note") return <Note message={message} />;
  if (isNotice(message)) return <SystemNotice message={message} />;
  return <Bubble message={message} channel={channel} onReply={onReply} onSendAction={onSendAction} />;
}

/** "14:05" in the reader's conventions and time zone. */
function useClock() {
  const format = useFormatter();
  return (iso: string) => format.dateTime(new Date(iso), { hour: "2-digit", minute: "2-digit" });
}

function Note({ message }: { message: MessageDto }) {
  const t = useTranslations("thread");
  const clock = useClock();
  return (
    <div className="mb-1.5 flex justify-end">
      <div data-testid="note" className="max-w-[70%] rounded-lg border border-amber-200 bg-amber-50 px-2.5 py-1.5 text-sm shadow-sm">
        <p className="mb-0.5 text-[10px] font-semibold uppercase tracking-wide text-amber-700">{t("privateNote")}</p>
        <p className="whitespace-pre-wrap break-words">{message.text}</p>
        <p className="mt-0.5 text-right text-[11px] text-slate-500">
          {message.sender?.name} · {clock(message.timestamp)}
        </p>
      </div>
    </div>
  );
}

function Bubble({
  message,
  channel,
  onReply,
  onSendAction,
}: {
  message: MessageDto;
  channel: ChannelSummary["kind"];
  onReply: (message: MessageDto) => void;
  onSendAction: SendAction;
}) {
  const t = useTranslations("thread");
  const clock = useClock();
  const outbound = message.direction === "OUTBOUND";
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
            {!message.sender && outbound && <SentFrom content={message.content} />}
            <time dateTime={message.timestamp}>{clock(message.timestamp)}</time>
            {outbound && <MessageTicks status={message.status} />}
          </div>
          {outbound && <SendProblem message={message} channel={channel} onSendAction={onSendAction} />}
        </div>
        {message.externalId && channel === "whatsapp" && (
          <button
            onClick={() => onReply(message)}
            title={t("replyTo")}
            aria-label={t("replyTo")}
            className="rounded px-1 text-xs text-slate-500 opacity-0 group-hover:opacity-100 hover:bg-white/70 focus:opacity-100 pointer-coarse:opacity-100"
          >
            <ReplyIcon />
          </button>
        )}
      </div>
      <ReactionsRow reactions={message.reactions} outbound={outbound} />
    </>
  );
}

/** A business message sent outside Switchboard (Messenger's echo): where it was written. */
function SentFrom({ content }: { content: unknown }) {
  const t = useTranslations("thread");
  const origin = (content as { sentFrom?: unknown } | null)?.sentFrom;
  if (typeof origin !== "string") return null;
  const where = origin === "page_inbox" ? "inbox" : origin.startsWith("app:") ? "app" : "page";
  return (
    <span className="mr-1 italic" data-testid="sent-from">
      {t("sentFrom", { where })}
    </span>
  );
}

// A message from a blocked customer is greyed: kept for the record, not something to answer.
function bubbleColour(message: MessageDto): string {
  if (message.receivedWhileBlocked) return "bg-slate-100 text-slate-500 opacity-70";
  if (message.status === "DISCARDED") return "bg-slate-100 text-slate-600";
  return message.direction === "OUTBOUND" ? "bg-bubble-out" : "bg-bubble-in";
}

export function WindowExpired({ at }: { at: string }) {
  return <WindowClosedLine at={at} />;
}

export function expiredBetween(previous: MessageDto | undefined, message: MessageDto, at: string): boolean {
  return (!previous || previous.timestamp <= at) && message.timestamp > at;
}

export function DaySeparator({ iso }: { iso: string }) {
  const format = useFormatter();
  return (
    <div className="my-3 flex justify-center">
      <span className="rounded-md bg-white/80 px-2 py-0.5 text-[11px] text-slate-500 shadow-sm">
        {format.dateTime(new Date(iso), { weekday: "long", day: "numeric", month: "long" })}
      </span>
    </div>
  );
}

/** Whether a message falls on another day than the one before it; `day` names a moment's day in the reader's time zone. */
export function startsNewDay(previous: MessageDto | undefined, message: MessageDto, day: (iso: string) => string): boolean {
  return !previous || day(previous.timestamp) !== day(message.timestamp);
}
