"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { MessengerChat } from "@/components/api/types";

// One message on the Messenger phone: the customer's in blue on the right, the Page's on the left
// with its file and quick replies (a tap answers with the reply's payload) and reactions to pick.

type Item = MessengerChat["items"][number];

const REACTIONS = ["❤️", "👍", "😮"];

export function MessengerBubble({
  item,
  onQuickReply,
  onReact,
}: {
  item: Item;
  onQuickReply: (reply: { title: string; payload: string }) => void;
  onReact: (emoji: string | null) => void;
}) {
  const t = useTranslations("simulator");
  const format = useFormatter();
  const mine = item.direction === "INBOUND";
  const reacted = item.reactions?.[0] ?? null;
  return (
    <div className={`flex flex-col ${mine ? "items-end" : "items-start"}`}>
      <div
        data-testid="sim-m-message"
        data-direction={mine ? "from-customer" : "from-page"}
        className={`max-w-[75%] whitespace-pre-wrap rounded-2xl px-3 py-1.5 text-sm ${mine ? "bg-[#0866ff] text-on-accent" : "bg-slate-100 text-slate-900"}`}
      >
        {item.fromPageInbox && <p className="text-[10px] italic text-slate-500">{t("messenger.fromPageInbox")}</p>}
        {item.attachment && <Attachment attachment={item.attachment} />}
        {item.text}
      </div>
      {item.quickReplies && (
        <div className="mt-1 flex flex-wrap gap-1" data-testid="sim-m-quick-replies">
          {item.quickReplies.map((reply) => (
            <button
              key={reply.payload + reply.title}
              type="button"
              onClick={() => onQuickReply(reply)}
              className="rounded-full border border-[#0866ff] px-2.5 py-0.5 text-xs font-medium text-[#0866ff] hover:bg-[#0866ff]/10"
            >
              {reply.title}
            </button>
          ))}
        </div>
      )}
      <div className="mt-0.5 flex items-center gap-1 text-[10px] text-slate-500">
        {format.dateTime(new Date(item.createdAt), { timeStyle: "short" })}
        {mine && item.status === "read" && <span data-testid="sim-m-seen">· {t("messenger.seen")}</span>}
        {!mine && (
          <span className="flex gap-0.5" aria-label={t("messenger.react")}>
            {REACTIONS.map((emoji) => (
              <button
                key={emoji}
                type="button"
                title={reacted === emoji ? t("messenger.removeReaction") : t("actions.react", { emoji })}
                onClick={() => onReact(reacted === emoji ? null : emoji)}
                className={`rounded px-0.5 ${reacted === emoji ? "bg-[#0866ff]/15" : "opacity-50 hover:opacity-100"}`}
              >
                {emoji}
              </button>
            ))}
          </span>
        )}
      </div>
    </div>
  );
}

function Attachment({ attachment }: { attachment: NonNullable<Item["attachment"]> }) {
  const t = useTranslations("simulator.messenger");
  const image = attachment.type === "image" || attachment.type === "sticker" || attachment.mimeType?.startsWith("image/");
  if (image) {
    // eslint-disable-next-line @next/next/no-img-element -- the simulated Meta's own file address
    return <img src={attachment.url} alt={attachment.fileName ?? t("picture")} className="mb-1 max-h-40 rounded-lg" />;
  }
  return (
    <a href={attachment.url} className="mb-1 block underline" target="_blank" rel="noopener noreferrer">
      {attachment.type === "reel" ? `🎬 ${t("reel")}` : "📎"} {attachment.fileName ?? attachment.type}
    </a>
  );
}
