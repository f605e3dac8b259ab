"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import type { MessageDto, PresenceDto } from "@/lib/conversations/types";

const RECENT_REPLY_MS = 2 * 60_000;

// The composer's smaller pieces: the reply/note tabs, the quoted message, the collision warning.

export function ModeTab({
  active,
  onClick,
  children,
  testId,
}: {
  active: boolean;
  onClick: () => void;
  children: React.ReactNode;
  testId: string;
}) {
  return (
    <button
      onClick={onClick}
      data-testid={testId}
      aria-pressed={active}
      className={`rounded px-2 py-0.5 font-medium max-md:min-h-9 max-md:px-3 ${active ? "bg-slate-900 text-white" : "text-slate-600 hover:bg-slate-100"}`}
    >
      {children}
    </button>
  );
}

export function ReplyPreview({ message, onCancel }: { message: MessageDto; onCancel: () => void }) {
  const t = useTranslations("composer");
  const thread = useTranslations("thread");
  const quoted = message.text ?? `[${thread("type", { type: message.type })}]`;
  return (
    <div
      className="mb-1.5 flex items-start gap-2 rounded-md border-l-4 border-brand-500 bg-slate-50 px-2 py-1 text-xs"
      data-testid="reply-preview"
    >
      <span className="flex-1 truncate">
        {message.direction === "INBOUND" ? t("replyingToCustomer", { text: quoted }) : t("replyingToYours", { text: quoted })}
      </span>
      <button
        onClick={onCancel}
        aria-label={t("cancelReply")}
        className="text-slate-500 hover:text-slate-700 max-md:min-h-9 max-md:min-w-9"
      >
        ×
      </button>
    </div>
  );
}

/** Another agent is typing or just replied: the agent decides whether to send anyway. */
export function CollisionWarning({ warning, onHold, onSendAnyway }: { warning: Collision; onHold: () => void; onSendAnyway: () => void }) {
  const t = useTranslations("composer");
  const text =
    warning.kind === "typing"
      ? t("othersTyping", { names: warning.names.join(", "), count: warning.names.length })
      : t("justReplied", { name: warning.name, text: warning.text });
  return (
    <div
      role="alert"
      data-testid="collision-warning"
      className="mb-1.5 flex items-center gap-2 rounded-md bg-amber-100 px-3 py-1.5 text-sm text-amber-900"
    >
      <span className="flex-1">{text}</span>
      <Button size="sm" onClick={onHold}>
        {t("holdOn")}
      </Button>
      <Button size="sm" tone="primary" onClick={onSendAnyway} data-testid="send-anyway">
        {t("sendAnyway")}
      </Button>
    </div>
  );
}

/** Who would be answered over: colleagues typing here now, or the colleague who just replied. */
export type Collision = { kind: "typing"; names: string[] } | { kind: "replied"; name: string; text: string };

/** Another agent typing here, or a colleague's reply since this agent started writing (`since`). */
export function collision({
  presence,
  messages,
  me,
  since,
}: {
  presence: PresenceDto | null;
  messages: MessageDto[];
  me: string;
  since: number;
}): Collision | null {
  const typingNow = presence?.viewers.filter((viewer) => viewer.id !== me && viewer.typing) ?? [];
  if (typingNow.length) return { kind: "typing", names: typingNow.map((v) => v.name) };
  const theirs = messages.findLast(
    (m) => m.direction === "OUTBOUND" && m.type !== "activity" && m.type !== "note" && m.sender && m.sender.id !== me,
  );
  if (theirs && new Date(theirs.timestamp).getTime() > Math.max(since, Date.now() - RECENT_REPLY_MS)) {
    return { kind: "replied", name: theirs.sender!.name, text: (theirs.text ?? "").slice(0, 80) };
  }
  return null;
}
