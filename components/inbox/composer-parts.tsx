"use client";

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
  return (
    <div
      className="mb-1.5 flex items-start gap-2 rounded-md border-l-4 border-brand-500 bg-slate-50 px-2 py-1 text-xs"
      data-testid="reply-preview"
    >
      <span className="flex-1 truncate">
        Replying to {message.direction === "INBOUND" ? "the customer" : "your message"}: {message.text ?? `[${message.type}]`}
      </span>
      <button onClick={onCancel} aria-label="Cancel reply" className="text-slate-500 hover:text-slate-700 max-md:min-h-9 max-md:min-w-9">
        ×
      </button>
    </div>
  );
}

/** Another agent is typing or just replied: the agent decides whether to send anyway. */
export function CollisionWarning({ warning, onHold, onSendAnyway }: { warning: string; onHold: () => void; onSendAnyway: () => void }) {
  return (
    <div
      role="alert"
      data-testid="collision-warning"
      className="mb-1.5 flex items-center gap-2 rounded-md bg-amber-100 px-3 py-1.5 text-sm text-amber-900"
    >
      <span className="flex-1">{warning}</span>
      <Button size="sm" onClick={onHold}>
        Hold on
      </Button>
      <Button size="sm" tone="primary" onClick={onSendAnyway} data-testid="send-anyway">
        Send anyway
      </Button>
    </div>
  );
}

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
}): string | null {
  const typingNow = presence?.viewers.filter((viewer) => viewer.id !== me && viewer.typing) ?? [];
  if (typingNow.length)
    return `${typingNow.map((v) => v.name).join(", ")} ${typingNow.length === 1 ? "is" : "are"} typing a reply right now.`;
  const theirs = messages.findLast(
    (m) => m.direction === "OUTBOUND" && m.type !== "activity" && m.type !== "note" && m.sender && m.sender.id !== me,
  );
  if (theirs && new Date(theirs.timestamp).getTime() > Math.max(since, Date.now() - RECENT_REPLY_MS)) {
    return `${theirs.sender!.name} just replied: “${(theirs.text ?? "").slice(0, 80)}”.`;
  }
  return null;
}
