import { list, part, safeHref, str } from "./content";

// What only Messenger sends: a button tap (postback) with its title and payload, a quick reply
// tapped (its payload), a shared link or post, an arrival from an m.me link or ad, a reel, and the
// quick replies the business offered.

const chip = "inline-block rounded-md border border-[#0866ff]/30 bg-[#0866ff]/5 px-2 py-0.5 font-medium text-[#0866ff]";

export function PostbackReply({ content }: { content: unknown }) {
  const postback = part(content, "postback");
  const payload = str(postback?.payload);
  return (
    <div className="space-y-0.5" data-testid="postback">
      <p className="text-[11px] uppercase tracking-wide text-slate-500">Tapped a button</p>
      <p className={chip}>{str(postback?.title) ?? payload ?? "(no title)"}</p>
      {payload && <p className="text-[11px] text-slate-500">Payload: {payload}</p>}
    </div>
  );
}

/** Under a customer's text that came from tapping a quick reply. */
export function QuickReplyPayload({ content }: { content: unknown }) {
  const payload = str(part(content, "quickReply")?.payload);
  if (!payload) return null;
  return (
    <p className="text-[11px] text-slate-500" data-testid="quick-reply-payload">
      Quick reply · payload {payload}
    </p>
  );
}

/** Under the business's text: the quick replies it offered. */
export function OfferedQuickReplies({ content }: { content: unknown }) {
  const replies = list((content as { quickReplies?: unknown } | null)?.quickReplies);
  if (replies.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-1 pt-0.5" data-testid="offered-quick-replies" aria-label="Quick replies offered">
      {replies.map((reply, index) => (
        <li key={index} className="rounded-full border border-[#0866ff]/40 bg-white px-2 py-0.5 text-xs text-[#0866ff]">
          {str(reply.title)}
        </li>
      ))}
    </ul>
  );
}

export function LinkShare({ content, text }: { content: unknown; text: string | null }) {
  const link = part(content, "link");
  const href = safeHref(link?.url);
  const title = str(link?.title) ?? text;
  const kind = str(link?.kind);
  return (
    <div className="min-w-48 space-y-0.5" data-testid="link-share" data-kind={kind ?? "link"}>
      <p className="text-[11px] uppercase tracking-wide text-slate-500">
        {kind === "fallback" || !kind ? "Shared a link" : `Shared a ${kind.replace(/_/g, " ")}`}
      </p>
      {title && <p className="font-medium">{title}</p>}
      {href ? (
        <a href={href} target="_blank" rel="noopener noreferrer" className="break-all text-xs text-[#027eb5] hover:underline">
          {href}
        </a>
      ) : (
        <p className="text-xs italic text-slate-500">Messenger gave no address for it.</p>
      )}
    </div>
  );
}

export function ArrivalNotice({ text }: { text: string | null }) {
  return (
    <p className="text-xs text-slate-600" data-testid="referral-arrival">
      ↪ {text ?? "Opened the conversation from a link"}
    </p>
  );
}

export function ReelTag({ content }: { content: unknown }) {
  if (!part(content, "reel")) return null;
  return (
    <p className="text-[11px] uppercase tracking-wide text-slate-500" data-testid="reel-tag">
      Shared a reel
    </p>
  );
}
