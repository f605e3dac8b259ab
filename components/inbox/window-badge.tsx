"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useNow } from "@/components/ui/use-now";
import type { ConversationDto, MessengerWindowDto } from "@/lib/conversations/types";

// How long WhatsApp still lets the business answer freely, counting down: the 24 h customer
// service window (green over 4 h, amber under 4 h, red under 1 h, grey once closed) or, after an
// ad referral, the 72 h free entry point window in which every message is free. Each state has its
// own shape too (a lock once closed, an hourglass under 4 h, a warning under 1 h), not only a colour.

const HOUR = 60 * 60 * 1000;

export function WindowBadge({
  expiresAt,
  kind = "customer_service",
  compact = false,
}: {
  expiresAt: string | null;
  kind?: ConversationDto["billingWindow"]["kind"];
  compact?: boolean;
}) {
  const t = useTranslations("inbox.window");
  const formatLeft = useTimeLeft();
  const now = useNow(30_000);
  const left = expiresAt ? new Date(expiresAt).getTime() - now : 0;
  if (left <= 0 || kind === "closed") {
    return (
      <span
        data-testid="window-badge"
        data-window="closed"
        title={t("closedTitle")}
        className="inline-flex items-center gap-0.5 rounded bg-slate-100 px-1.5 py-0.5 text-[11px] font-medium text-slate-600"
      >
        <StateIcon shape="lock" />
        {compact ? t("closedShort") : t("closed")}
      </span>
    );
  }
  if (kind === "free_entry_point") {
    return (
      <span
        data-testid="window-badge"
        data-window="free_entry_point"
        title={t("fepTitle")}
        className="rounded bg-violet-50 px-1.5 py-0.5 text-[11px] font-medium tabular-nums text-violet-700"
      >
        {compact ? t("fepShort", { left: formatLeft(left) }) : t("fep", { left: formatLeft(left) })}
      </span>
    );
  }
  const tone = left > 4 * HOUR ? "bg-emerald-50 text-emerald-700" : left > HOUR ? "bg-amber-50 text-amber-800" : "bg-red-50 text-red-700";
  const shape = left > 4 * HOUR ? null : left > HOUR ? "hourglass" : "warning";
  return (
    <span
      data-testid="window-badge"
      data-window={left > HOUR ? "open" : "closing"}
      title={t("openTitle")}
      className={`inline-flex items-center gap-0.5 rounded px-1.5 py-0.5 text-[11px] font-medium tabular-nums ${tone}`}
    >
      {shape && <StateIcon shape={shape} />}
      {compact ? formatLeft(left) : t("leftToReply", { left: formatLeft(left) })}
    </span>
  );
}

/** The badge for any conversation: WhatsApp's service or free entry point window, or Messenger's. */
export function ConversationWindowBadge({ conversation, compact = false }: { conversation: ConversationDto; compact?: boolean }) {
  if (conversation.messengerWindow) {
    return <MessengerWindowBadge window={conversation.messengerWindow} humanAgent={conversation.channel.humanAgent} compact={compact} />;
  }
  return (
    <WindowBadge
      expiresAt={conversation.billingWindow.expiresAt ?? conversation.windowExpiresAt}
      kind={conversation.billingWindow.kind}
      compact={compact}
    />
  );
}

/**
 * Messenger's windows: the 24 h reply window counting down as WhatsApp's does; then, for a Page
 * marked as having the Human Agent permission, the 7 days in which a person may still answer with
 * the HUMAN_AGENT tag; then closed (grey) until the customer writes again.
 */
export function MessengerWindowBadge({
  window,
  humanAgent,
  compact,
}: {
  window: MessengerWindowDto;
  humanAgent: boolean;
  compact: boolean;
}) {
  const t = useTranslations("inbox.window");
  const formatLeft = useTimeLeft();
  const now = useNow(30_000);
  const open = window.expiresAt ? new Date(window.expiresAt).getTime() - now : 0;
  if (open > 0) return <WindowBadge expiresAt={window.expiresAt} compact={compact} />;
  const tagged = window.humanAgentExpiresAt ? new Date(window.humanAgentExpiresAt).getTime() - now : 0;
  if (tagged > 0 && humanAgent) {
    return (
      <span
        data-testid="window-badge"
        data-window="human_agent"
        title={t("humanAgentTitle")}
        className="rounded bg-violet-50 px-1.5 py-0.5 text-[11px] font-medium tabular-nums text-violet-700"
      >
        {compact ? t("humanAgentShort", { left: formatLeft(tagged) }) : t("humanAgent", { left: formatLeft(tagged) })}
      </span>
    );
  }
  const title = tagged > 0 ? t("messengerClosedTitle") : t("tooOldTitle");
  return (
    <span
      data-testid="window-badge"
      data-window="closed"
      title={title}
      className="rounded bg-slate-100 px-1.5 py-0.5 text-[11px] font-medium text-slate-500"
    >
      {compact ? t("closedShort") : tagged > 0 ? t("closed") : t("windowClosed")}
    </span>
  );
}

/** The conversation's billing category as Meta last priced it, and whether it costs money. */
export function BillingBadge({ billing }: { billing: ConversationDto["billing"] }) {
  const t = useTranslations("inbox.window");
  if (!billing.category) return null;
  const category = t("category", { category: billing.category, name: billing.category.replace(/_/g, " ") });
  const billable = billing.billable ?? billing.type === "regular";
  return (
    <span
      data-testid="billing-badge"
      title={billable ? t("billableTitle") : t("freeTitle")}
      className={`rounded px-1.5 py-0.5 text-[11px] font-medium ${billable ? "bg-orange-50 text-orange-700" : "bg-slate-100 text-slate-600"}`}
    >
      {category} · {billable ? t("billable") : t("free")}
    </span>
  );
}

const shapes = {
  lock: "M5 7V5a3 3 0 0 1 6 0v2M4 7h8v6H4z",
  hourglass: "M4.5 2.5h7M4.5 13.5h7M5.5 2.5c0 3 5 3.5 5 5.5s-5 2.5-5 5.5M10.5 2.5c0 3-5 3.5-5 5.5s5 2.5 5 5.5",
  warning: "M8 2.5 14 13H2L8 2.5ZM8 6.5v3M8 11.2v.1",
};

function StateIcon({ shape }: { shape: keyof typeof shapes }) {
  return (
    <svg
      viewBox="0 0 16 16"
      className="h-3 w-3 shrink-0"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      strokeLinecap="round"
      aria-hidden
      data-shape={shape}
    >
      <path d={shapes[shape]} />
    </svg>
  );
}

/**
 * Time left as the user's language writes short durations: "45m", "5h 07m", "3d 4h" in English
 * (Intl's narrow units, joined as a list of units).
 */
export function useTimeLeft(): (ms: number) => string {
  const format = useFormatter();
  const unit = (value: number, name: "minute" | "hour" | "day", digits = 1) =>
    format.number(value, { style: "unit", unit: name, unitDisplay: "narrow", minimumIntegerDigits: digits });
  const join = (parts: string[]) => format.list(parts, { type: "unit", style: "narrow" });
  return (ms) => {
    const minutes = Math.max(0, Math.floor(ms / 60_000));
    if (minutes < 60) return unit(minutes, "minute");
    if (minutes >= 48 * 60) return join([unit(Math.floor(minutes / 1440), "day"), unit(Math.floor((minutes % 1440) / 60), "hour")]);
    return join([unit(Math.floor(minutes / 60), "hour"), unit(minutes % 60, "minute", 2)]);
  };
}
