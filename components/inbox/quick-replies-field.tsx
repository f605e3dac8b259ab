"use client";

import { useTranslations } from "next-intl";
import { limits } from "@/lib/conversations/outbound-limits";

// Messenger's quick replies: up to 13 buttons under the message, each at most 20 characters; the
// customer's tap comes back as their message. Typed as one comma-separated line.

export function parseQuickReplies(value: string): string[] {
  return value
    .split(",")
    .map((title) => title.trim())
    .filter(Boolean);
}

/** What Messenger would refuse in these quick replies, worded by `t` (the composer's messages); null when nothing. */
export function quickRepliesProblem(titles: string[], t: ReturnType<typeof useTranslations<"composer">>): string | null {
  if (titles.length > limits.quickReplies) return t("tooManyQuickReplies", { max: limits.quickReplies });
  const long = titles.find((title) => title.length > limits.quickReplyTitle);
  return long ? t("quickReplyTooLong", { title: long, max: limits.quickReplyTitle }) : null;
}

export function QuickRepliesField({ value, onChange, onClose }: { value: string; onChange: (value: string) => void; onClose: () => void }) {
  const t = useTranslations("composer");
  const problem = quickRepliesProblem(parseQuickReplies(value), t);
  return (
    <div className="mb-1.5 rounded-md border border-[#0866ff]/30 bg-[#0866ff]/5 px-3 py-1.5 text-xs" data-testid="quick-replies-field">
      <label className="flex items-center gap-2">
        <span className="shrink-0 font-medium text-[#0866ff]">{t("quickReplies")}</span>
        <input
          autoFocus
          value={value}
          onChange={(event) => onChange(event.target.value)}
          onKeyDown={(event) => event.key === "Escape" && onClose()}
          placeholder={t("quickRepliesPlaceholder", { max: limits.quickReplies })}
          className="min-w-0 flex-1 rounded border border-slate-300 bg-white px-2 py-1 text-sm"
          data-testid="quick-replies-input"
        />
        <button type="button" onClick={onClose} className="text-slate-500 hover:text-slate-700" aria-label={t("removeQuickReplies")}>
          ×
        </button>
      </label>
      {problem && <p className="mt-1 text-red-700">{problem}</p>}
    </div>
  );
}
