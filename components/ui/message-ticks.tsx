import { useTranslations } from "next-intl";
import type { MessageStatus } from "@/lib/conversations/status";

// WhatsApp's receipts: a clock while queued or sending, ✓ sent, ✓✓ delivered, blue ✓✓ read, red
// when failed; an amber question mark when WhatsApp never confirmed it, a struck circle once discarded.
// Colour is never the only sign: read ticks also sit in a filled badge, and every state is named
// for screen readers (role img) and on hover.

const shown: MessageStatus[] = ["QUEUED", "SENDING", "UNCONFIRMED", "DISCARDED", "SENT", "DELIVERED", "READ", "PLAYED", "FAILED"];

export function MessageTicks({ status }: { status: MessageStatus }) {
  const t = useTranslations("ui");
  if (!shown.includes(status)) return null;
  const label = t("status", { status });
  return (
    <span data-testid="ticks" data-status={status} title={label} role="img" aria-label={label} className="inline-flex items-center">
      {(status === "QUEUED" || status === "SENDING") && (
        <svg viewBox="0 0 16 16" className="h-3.5 w-3.5 text-slate-500" fill="none" stroke="currentColor" strokeWidth="1.6">
          <circle cx="8" cy="8" r="6" />
          <path d="M8 4.5V8l2.5 1.5" strokeLinecap="round" />
        </svg>
      )}
      {status === "SENT" && <Check className="text-slate-500" />}
      {status === "DELIVERED" && <DoubleCheck className="text-slate-500" />}
      {(status === "READ" || status === "PLAYED") && (
        <span className="inline-flex rounded-sm bg-tick-read px-px" data-read-badge>
          <DoubleCheck className="text-bubble-out" />
        </span>
      )}
      {status === "UNCONFIRMED" && (
        <svg viewBox="0 0 16 16" className="h-3.5 w-3.5 text-amber-700" fill="none" stroke="currentColor" strokeWidth="1.6">
          <circle cx="8" cy="8" r="6.25" />
          <path d="M6.2 6.3a1.9 1.9 0 1 1 2.6 1.75c-.5.2-.8.6-.8 1.1v.35" strokeLinecap="round" />
          <circle cx="8" cy="11.4" r=".55" fill="currentColor" stroke="none" />
        </svg>
      )}
      {status === "DISCARDED" && (
        <svg viewBox="0 0 16 16" className="h-3.5 w-3.5 text-slate-500" fill="none" stroke="currentColor" strokeWidth="1.6">
          <circle cx="8" cy="8" r="6.25" />
          <path d="M3.8 12.2 12.2 3.8" strokeLinecap="round" />
        </svg>
      )}
      {status === "FAILED" && (
        <svg viewBox="0 0 16 16" className="h-3.5 w-3.5 text-red-700" fill="currentColor">
          <path d="M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13Zm-.75 3h1.5v4.5h-1.5V4.5Zm0 6h1.5V12h-1.5v-1.5Z" />
        </svg>
      )}
    </span>
  );
}

function Check({ className }: { className: string }) {
  return (
    <svg viewBox="0 0 16 11" className={`h-3 w-4 ${className}`} fill="currentColor">
      <path d="M11.07.65 4.9 7.3 2.27 4.6 1.2 5.66l3.72 3.8L12.13 1.7z" />
    </svg>
  );
}

function DoubleCheck({ className }: { className: string }) {
  return (
    <svg viewBox="0 0 16 11" className={`h-3 w-4 ${className}`} fill="currentColor">
      <path d="M11.07.65 4.9 7.3 2.27 4.6 1.2 5.66l3.72 3.8L12.13 1.7z" />
      <path d="M15.07.65 8.9 7.3l-.9-.93-1.06 1.1 1.98 2 7.22-7.76z" />
    </svg>
  );
}
