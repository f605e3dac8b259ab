import { useTranslations } from "next-intl";
import { useDates } from "@/components/i18n/use-dates";
import type { ReferralDto } from "@/lib/conversations/types";
import { part, safeHref, str } from "./content";

// A referral's source, as the select of the thread's "cameFrom" and "via" messages names it:
// WhatsApp's ads and posts, Messenger's m.me links, website chat and links; anything else is an ad.
const sources: Record<string, string> = { post: "post", "m.me link": "mme", "chat plugin": "chat", link: "link" };
const source = (type: string | null | undefined) => sources[type ?? ""] ?? "ad";

/** At the top of the thread: the click-to-WhatsApp ad or post, or the m.me link or ad, the customer came from. */
export function ReferralCard({ referral }: { referral: ReferralDto }) {
  const t = useTranslations("thread");
  const dates = useDates();
  const link = safeHref(referral.sourceUrl);
  return (
    <aside
      className="mx-auto mb-3 max-w-md rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-xs text-slate-700 shadow-sm"
      data-testid="referral-card"
    >
      <p className="font-semibold text-amber-800">
        {t("cameFrom", { source: source(referral.sourceType) })}
        {referral.headline ? `: ${referral.headline}` : ""}
      </p>
      {referral.body && <p className="mt-0.5 whitespace-pre-wrap">{referral.body}</p>}
      <p className="mt-1 flex gap-3 text-[11px] text-slate-500">
        {link ? (
          <a href={link} target="_blank" rel="noopener noreferrer" className="font-medium text-[#027eb5] hover:underline">
            {t("openSource", { source: referral.sourceType === "post" ? "post" : "ad" })}
          </a>
        ) : (
          referral.sourceUrl && <span>{t("source", { url: referral.sourceUrl })}</span>
        )}
        {referral.at && <time dateTime={referral.at}>{dates.full(referral.at)}</time>}
      </p>
    </aside>
  );
}

/** Inside the bubble of the message that carried the referral. */
export function ReferralTag({ content }: { content: unknown }) {
  const t = useTranslations("thread");
  const referral = part(content, "referral");
  if (!referral) return null;
  return (
    <p className="rounded bg-amber-50 px-1.5 py-0.5 text-[11px] text-amber-800" data-testid="message-referral">
      {t("via", { source: source(str(referral.source_type)) })}
      {str(referral.headline) ? `: ${str(referral.headline)}` : ""}
    </p>
  );
}
