"use client";

import { useTranslations } from "next-intl";

// Under each message from the business: quote it in a reply, or react to it, as a customer can.

const quickReactions = ["👍", "❤️", "😂", "😮", "🙏"];

export function BusinessMessageActions({ onReply, onReact }: { onReply: () => void; onReact: (emoji: string) => void }) {
  const t = useTranslations("simulator.actions");
  return (
    <span className="mt-0.5 flex items-center gap-1 text-[11px] text-slate-500" data-testid="sim-message-actions">
      <button type="button" onClick={onReply} className="rounded px-1 hover:bg-black/5" title={t("replyTitle")}>
        ↩ {t("reply")}
      </button>
      {quickReactions.map((emoji) => (
        <button
          key={emoji}
          type="button"
          onClick={() => onReact(emoji)}
          className="rounded px-0.5 hover:bg-black/5"
          title={t("react", { emoji })}
        >
          {emoji}
        </button>
      ))}
      <button type="button" onClick={() => onReact("")} className="rounded px-1 hover:bg-black/5" title={t("unreact")}>
        ✕
      </button>
    </span>
  );
}
