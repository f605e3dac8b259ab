import { useTranslations } from "next-intl";
import type { ReactionDto } from "@/lib/conversations/types";

/** Reactions sit under the bubble, overlapping its edge, as in WhatsApp. */
export function ReactionsRow({ reactions, outbound }: { reactions: ReactionDto[]; outbound: boolean }) {
  const t = useTranslations("thread");
  if (reactions.length === 0) return null;
  return (
    <div className={`-mt-2 mb-1 flex ${outbound ? "justify-end pr-2" : "justify-start pl-2"}`} data-testid="message-reactions">
      <span className="flex gap-0.5 rounded-full border border-white bg-white px-1.5 py-0.5 text-sm shadow-sm">
        {reactions.map((reaction) => (
          <span
            key={`${reaction.by}-${reaction.emoji}`}
            title={reaction.by === "customer" ? t("customerReacted", { emoji: reaction.emoji }) : t("reacted", { emoji: reaction.emoji })}
          >
            {reaction.emoji}
          </span>
        ))}
      </span>
    </div>
  );
}
