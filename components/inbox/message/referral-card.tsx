import type { ReferralDto } from "@/lib/conversations/types";
import { part, safeHref, str } from "./content";

// What a referral's source is called: WhatsApp's ads and posts, Messenger's m.me links and ads.
const sources: Record<string, string> = { post: "a post", "m.me link": "an m.me link", "chat plugin": "the website chat", link: "a link" };

/** At the top of the thread: the click-to-WhatsApp ad or post, or the m.me link or ad, the customer came from. */
export function ReferralCard({ referral }: { referral: ReferralDto }) {
  const link = safeHref(referral.sourceUrl);
  const source = sources[referral.sourceType ?? ""] ?? "an ad";
  return (
    <aside
      className="mx-auto mb-3 max-w-md rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-xs text-slate-700 shadow-sm"
      data-testid="referral-card"
    >
      <p className="font-semibold text-amber-800">
        Came from {source}
        {referral.headline ? `: ${referral.headline}` : ""}
      </p>
      {referral.body && <p className="mt-0.5 whitespace-pre-wrap">{referral.body}</p>}
      <p className="mt-1 flex gap-3 text-[11px] text-slate-500">
        {link ? (
          <a href={link} target="_blank" rel="noopener noreferrer" className="font-medium text-[#027eb5] hover:underline">
            Open the {referral.sourceType === "post" ? "post" : "ad"}
          </a>
        ) : (
          referral.sourceUrl && <span>Source: {referral.sourceUrl}</span>
        )}
        {referral.at && (
          <time dateTime={referral.at}>{new Date(referral.at).toLocaleString([], { dateStyle: "medium", timeStyle: "short" })}</time>
        )}
      </p>
    </aside>
  );
}

/** Inside the bubble of the message that carried the referral. */
export function ReferralTag({ content }: { content: unknown }) {
  const referral = part(content, "referral");
  if (!referral) return null;
  return (
    <p className="rounded bg-amber-50 px-1.5 py-0.5 text-[11px] text-amber-800" data-testid="message-referral">
      Via {(sources[str(referral.source_type) ?? ""] ?? "an ad").replace(/^(a|an|the) /, "")}
      {str(referral.headline) ? `: ${str(referral.headline)}` : ""}
    </p>
  );
}
