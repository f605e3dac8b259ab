import { useTranslations } from "next-intl";
import { list, part, safeHref, str } from "./content";

// What only Messenger sends: a button tap (postback) with its title and payload, a quick reply
// tapped (its payload), a shared link or post, an arrival from an m.me link or ad, a reel, and the
// quick replies the business offered.

const chip = "inline-block rounded-md border border-[#0866ff]/30 bg-[#0866ff]/5 px-2 py-0.5 font-medium text-[#0866ff]";

export function PostbackReply({ content }: { content: unknown }) {
  const t = useTranslations("thread");
  const postback = part(content, "postback");
  const payload = str(postback?.payload);
  return (
    <div className="space-y-0.5" data-testid="postback">
      <p className="text-[11px] uppercase tracking-wide text-slate-500">{t("tappedButton")}</p>
      <p className={chip}>{str(postback?.title) ?? payload ?? t("noTitle")}</p>
      {payload && <p className="text-[11px] text-slate-500">{t("payload", { payload })}</p>}
    </div>
  );
}

/** Under a customer's text that came from tapping a quick reply. */
export function QuickReplyPayload({ content }: { content: unknown }) {
  const t = useTranslations("thread");
  const payload = str(part(content, "quickReply")?.payload);
  if (!payload) return null;
  return (
    <p className="text-[11px] text-slate-500" data-testid="quick-reply-payload">
      {t("quickReplyPayload", { payload })}
    </p>
  );
}

/** Under the business's text: the quick replies it offered. */
export function OfferedQuickReplies({ content }: { content: unknown }) {
  const t = useTranslations("thread");
  const replies = list((content as { quickReplies?: unknown } | null)?.quickReplies);
  if (replies.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-1 pt-0.5" data-testid="offered-quick-replies" aria-label={t("quickRepliesOffered")}>
      {replies.map((reply, index) => (
        <li key={index} className="rounded-full border border-[#0866ff]/40 bg-white px-2 py-0.5 text-xs text-[#0866ff]">
          {str(reply.title)}
        </li>
      ))}
    </ul>
  );
}

export function LinkShare({ content, text }: { content: unknown; text: string | null }) {
  const t = useTranslations("thread");
  const link = part(content, "link");
  const href = safeHref(link?.url);
  const title = str(link?.title) ?? text;
  const kind = str(link?.kind);
  return (
    <div className="min-w-48 space-y-0.5" data-testid="link-share" data-kind={kind ?? "link"}>
      <p className="text-[11px] uppercase tracking-wide text-slate-500">
        {kind === "fallback" || !kind ? t("sharedLink") : t("sharedKind", { kind: kind.replace(/_/g, " ") })}
      </p>
      {title && <p className="font-medium">{title}</p>}
      {href ? (
        <a href={href} target="_blank" rel="noopener noreferrer" className="break-all text-xs text-[#027eb5] hover:underline">
          {href}
        </a>
      ) : (
        <p className="text-xs italic text-slate-500">{t("noAddress")}</p>
      )}
    </div>
  );
}

export function ArrivalNotice({ text }: { text: string | null }) {
  const t = useTranslations("thread");
  return (
    <p className="text-xs text-slate-600" data-testid="referral-arrival">
      ↪ {text ?? t("openedFromLink")}
    </p>
  );
}

export function ReelTag({ content }: { content: unknown }) {
  const t = useTranslations("thread");
  if (!part(content, "reel")) return null;
  return (
    <p className="text-[11px] uppercase tracking-wide text-slate-500" data-testid="reel-tag">
      {t("sharedReel")}
    </p>
  );
}
