"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import type { ConversationDto } from "@/lib/conversations/types";

// Whether the agent may reply now, and how (docs/architecture.md, "Sending"): WhatsApp allows free
// text for 24 h and templates after; Messenger allows a plain reply for 24 h, then — for a Page
// marked as having the Human Agent permission — a person's reply with the HUMAN_AGENT tag until 7
// days, then nothing. The server applies the same rules (send-policy.ts); this only explains them,
// in the composer's messages named by `reason`.

type Reason = "whatsappClosed" | "humanAgentNotAllowed" | "messengerClosed" | "messengerNotYet";

export type ReplyGate =
  { kind: "open" } | { kind: "human_agent"; until: string } | { kind: "templates"; reason: Reason } | { kind: "locked"; reason: Reason };

export function replyGate(conversation: ConversationDto, now: number): ReplyGate {
  const window = conversation.messengerWindow;
  if (window) {
    const ms = (iso: string | null) => (iso ? new Date(iso).getTime() - now : 0);
    if (ms(window.expiresAt) > 0) return { kind: "open" };
    if (ms(window.humanAgentExpiresAt) > 0) {
      if (conversation.channel.humanAgent) return { kind: "human_agent", until: window.humanAgentExpiresAt! };
      return { kind: "locked", reason: "humanAgentNotAllowed" };
    }
    return { kind: "locked", reason: window.expiresAt ? "messengerClosed" : "messengerNotYet" };
  }
  const open =
    conversation.billingWindow.kind !== "closed" &&
    !!conversation.windowExpiresAt &&
    new Date(conversation.windowExpiresAt).getTime() > now;
  if (open) return { kind: "open" };
  return { kind: "templates", reason: "whatsappClosed" };
}

/** The composer when no reply may go out: the reason, and for WhatsApp the way out (a template). */
export function LockedComposer({
  gate,
  onTemplates,
}: {
  gate: Extract<ReplyGate, { kind: "templates" | "locked" }>;
  onTemplates: () => void;
}) {
  const t = useTranslations("composer");
  return (
    <div
      className="flex flex-wrap items-center gap-3 text-sm text-slate-600 md:flex-nowrap"
      data-testid="composer-locked"
      data-gate={gate.kind}
    >
      <span className="flex-1">{t(gate.reason)}</span>
      {gate.kind === "templates" && (
        <Button tone="primary" onClick={onTemplates} data-testid="open-templates">
          {t("chooseTemplate")}
        </Button>
      )}
    </div>
  );
}

/**
 * Past Messenger's 24 h window: the agent confirms a person is answering, and the reply goes out
 * with the HUMAN_AGENT tag. Meta allows the tag only for human replies about the customer's request.
 */
export function HumanAgentConfirm({
  until,
  confirmed,
  onChange,
}: {
  until: string;
  confirmed: boolean;
  onChange: (value: boolean) => void;
}) {
  const t = useTranslations("composer");
  const format = useFormatter();
  const date = format.dateTime(new Date(until), { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
  return (
    <label className="mb-1.5 flex items-start gap-2 rounded-md bg-violet-50 px-3 py-1.5 text-xs text-violet-900" data-testid="human-agent">
      <input
        type="checkbox"
        className="mt-0.5"
        checked={confirmed}
        onChange={(event) => onChange(event.target.checked)}
        data-testid="human-agent-confirm"
      />
      <span>{t.rich("humanAgent", { date, strong: (chunks) => <strong>{chunks}</strong> })}</span>
    </label>
  );
}
