import { useTranslations } from "next-intl";
import type { MessageDto } from "@/lib/conversations/types";
import { ContactCards } from "./message/contact-cards";
import { part, str } from "./message/content";
import { InteractiveReply, QuickReply } from "./message/interactive-reply";
import { LinkifiedText } from "./message/linkified-text";
import { LocationCard } from "./message/location-card";
import { ArrivalNotice, LinkShare, OfferedQuickReplies, PostbackReply, QuickReplyPayload, ReelTag } from "./message/messenger-parts";
import { MediaView } from "./message/media-view";
import { noticeText, UnsupportedPlaceholder } from "./message/notices";
import { OrderCard } from "./message/order-card";
import { QuoteBlock } from "./message/quote-block";
import { ReferralTag } from "./message/referral-card";
import { SentRichMessage } from "./message/sent-rich-message";

// What goes inside a message bubble, for every type WhatsApp delivers: the forwarded mark and the
// quoted message on top, then the type's own view, then the edited mark. The bubble (thread.tsx)
// adds time, ticks and reactions around it.

export function MessageContent({ message }: { message: MessageDto }) {
  const t = useTranslations("thread");
  if (message.deleted) {
    return (
      <>
        <p className="italic text-slate-500" data-testid="message-deleted">
          🚫 {t("deleted")}
        </p>
        {message.receivedWhileBlocked && <BlockedMark />}
      </>
    );
  }
  return (
    <div className="space-y-1" data-testid="message-content" data-type={message.type}>
      {message.forwarded && (
        <p className="text-[11px] italic text-slate-500" data-testid="message-forwarded">
          {message.frequentlyForwarded ? `↪↪ ${t("forwardedMany")}` : `↪ ${t("forwarded")}`}
        </p>
      )}
      <ReferralTag content={message.content} />
      {message.quoted && <QuoteBlock quoted={message.quoted} />}
      <MessageBody message={message} />
      {message.edited && (
        <p className="text-right text-[10px] italic text-slate-500" data-testid="message-edited">
          {t("edited")}
        </p>
      )}
      {message.receivedWhileBlocked && <BlockedMark />}
    </div>
  );
}

function BlockedMark() {
  const t = useTranslations("thread");
  return (
    <p className="text-[10px] italic text-slate-500" data-testid="message-blocked">
      {t("receivedWhileBlocked")}
    </p>
  );
}

function MessageBody({ message }: { message: MessageDto }) {
  const t = useTranslations("thread");
  const words = useTranslations();
  const content = message.content;
  const payload = part(content, message.type);
  // The business's own interactive and template messages are not replies: show what was sent.
  if (message.direction === "OUTBOUND" && !sharedTypes.has(message.type)) {
    const fallback = message.text ? <LinkifiedText text={message.text} /> : <Aside text={t("type", { type: message.type })} />;
    return <SentRichMessage message={message} fallback={fallback} />;
  }
  switch (message.type) {
    case "text":
      return (
        <>
          <LinkifiedText text={message.text ?? ""} />
          <QuickReplyPayload content={content} />
          <OfferedQuickReplies content={content} />
        </>
      );
    case "image":
    case "video":
    case "audio":
    case "document":
    case "sticker": {
      const caption = str(payload?.caption);
      return (
        <>
          <ReelTag content={content} />
          {message.media ? <MediaView message={message} media={message.media} /> : <UnsupportedPlaceholder message={message} />}
          {caption && <LinkifiedText text={caption} />}
        </>
      );
    }
    case "location":
      return <LocationCard location={payload} />;
    case "contacts":
      return <ContactCards contacts={(content as { contacts?: unknown } | null)?.contacts} />;
    case "interactive":
      return payload ? <InteractiveReply interactive={payload} /> : <UnsupportedPlaceholder message={message} />;
    case "button":
      return <QuickReply button={payload} />;
    case "order":
      return <OrderCard order={payload} />;
    case "postback":
      return <PostbackReply content={content} />;
    case "link":
      return <LinkShare content={content} text={message.text} />;
    case "referral":
      return <ArrivalNotice text={message.text} />;
    case "system":
      return <p className="text-xs text-slate-600">{noticeText(message, words)}</p>;
    case "reaction":
      return <Aside text={message.text ? t("reactedElsewhere", { emoji: message.text }) : t("unreactedElsewhere")} />;
    case "edit":
      return <Aside text={message.text ? t("editedElsewhereText", { text: message.text }) : t("editedElsewhere")} />;
    case "revoke":
      return <Aside text={t("deletedElsewhere")} />;
    case "template":
      return message.text ? <LinkifiedText text={message.text} /> : <Aside text={t("type", { type: "template" })} />;
    default:
      return message.text && !message.error ? <LinkifiedText text={message.text} /> : <UnsupportedPlaceholder message={message} />;
  }
}

// Types whose payload looks the same whichever side sent it.
const sharedTypes = new Set(["text", "image", "video", "audio", "document", "sticker", "location", "contacts", "reaction", "link"]);

function Aside({ text }: { text: string }) {
  return (
    <p className="text-xs italic text-slate-500" data-testid="message-aside">
      {text}
    </p>
  );
}
