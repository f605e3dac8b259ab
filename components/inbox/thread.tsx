"use client";

import { useEffect, useRef } from "react";
import { MessageTicks } from "@/components/ui/message-ticks";
import type { ConversationDto, MessageDto } from "@/lib/inbox/types";
import { Composer } from "./composer";
import { MessageContent } from "./message-content";
import { isNotice, SystemNotice } from "./message/notices";
import { ReactionsRow } from "./message/reactions-row";
import { ReferralCard } from "./message/referral-card";
import { useNow, WindowBadge } from "./window-badge";

type Props = {
  conversation: ConversationDto;
  messages: MessageDto[];
  error: string | null;
  onSend: (text: string) => Promise<void>;
};

export function Thread({ conversation, messages, error, onSend }: Props) {
  const bottom = useRef<HTMLDivElement>(null);
  const now = useNow(30_000);
  const windowOpen = !!conversation.windowExpiresAt && new Date(conversation.windowExpiresAt).getTime() > now;

  useEffect(() => {
    bottom.current?.scrollIntoView({ block: "end" });
  }, [messages.length, conversation.id]);

  return (
    <>
      <header className="flex h-14 shrink-0 items-center justify-between border-b border-slate-200 bg-white px-4">
        <div className="min-w-0">
          <h2 className="truncate text-sm font-semibold" data-testid="thread-title">
            {conversation.contact.name ?? `+${conversation.contact.waId}`}
          </h2>
          <p className="text-xs text-slate-500">
            {conversation.contact.waId ? `+${conversation.contact.waId}` : conversation.contact.username ? `@${conversation.contact.username}` : conversation.contact.bsuid}
            {conversation.assignee ? ` · assigned to ${conversation.assignee.name}` : " · unassigned"}
          </p>
        </div>
        <WindowBadge expiresAt={conversation.windowExpiresAt} />
      </header>
      <div className="min-h-0 flex-1 overflow-y-auto bg-[#efeae2] px-6 py-4" data-testid="thread">
        {error && <p className="mb-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{error}</p>}
        {conversation.referral && <ReferralCard referral={conversation.referral} />}
        {messages.map((message, index) => (
          <div key={message.id}>
            {startsNewDay(messages[index - 1], message) && <DaySeparator iso={message.timestamp} />}
            <Bubble message={message} />
          </div>
        ))}
        <div ref={bottom} />
      </div>
      <Composer key={conversation.id} windowOpen={windowOpen} onSend={onSend} />
    </>
  );
}

function Bubble({ message }: { message: MessageDto }) {
  const outbound = message.direction === "OUTBOUND";
  if (isNotice(message)) return <SystemNotice message={message} />;
  return (
    <>
      <div className={`mb-1.5 flex ${outbound ? "justify-end" : "justify-start"}`}>
        <div
          data-testid="message"
          data-direction={message.direction}
          className={`max-w-[70%] rounded-lg px-2.5 py-1.5 text-sm shadow-sm ${outbound ? "bg-[#d9fdd3]" : "bg-white"}`}
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
            <p className="mt-1 border-t border-red-200 pt-1 text-xs text-red-700" data-testid="message-error">
              Not delivered{message.error?.title ? `: ${message.error.title}` : ""}
              {message.error?.code ? ` (${message.error.code})` : ""}
            </p>
          )}
        </div>
      </div>
      <ReactionsRow reactions={message.reactions} outbound={outbound} />
    </>
  );
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
