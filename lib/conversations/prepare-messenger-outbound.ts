import "server-only";
import { db, type Contact, type Conversation } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { phrase, type Phrase } from "@/lib/i18n/phrase";
import { outboundTypeFor } from "@/lib/messenger/attachment-rules";
import { messengerMediaOutbound, messengerQuickRepliesOutbound, messengerTextOutbound } from "./build-messenger-outbound";
import { limits, outboundKind, type SendInput } from "./outbound-schema";
import type { PreparedOutbound } from "./prepare-outbound";
import { checkMessengerPolicy } from "./send-policy";
import { messengerWindow } from "./window";

// A reply on Messenger: text, quick replies or a file, checked against Messenger's windows
// (send-policy.ts) before the row is written. Templates, flows and WhatsApp's buttons and lists
// are WhatsApp's own; they are refused here with the field they concern.

const whatsappOnly: Record<string, Phrase> = {
  template: phrase("errors.messengerNoTemplates"),
  flow: phrase("errors.messengerNoFlows"),
  interactive: phrase("errors.messengerNoButtons"),
};

export async function prepareMessengerOutbound({
  conversation,
  input,
  channel,
}: {
  conversation: Conversation & { contact: Contact };
  input: SendInput;
  channel: { disabledAt: Date | null; humanAgentEnabled: boolean };
}): Promise<PreparedOutbound> {
  const kind = outboundKind(input);
  if (whatsappOnly[kind])
    throw new AppError("UNPROCESSABLE", whatsappOnly[kind], [{ path: kind, message: phrase("errors.fieldNotOnMessenger") }]);
  if (input.replyTo) {
    throw new AppError("UNPROCESSABLE", phrase("errors.messengerNoQuote"), [
      { path: "replyTo", message: phrase("errors.fieldNotOnMessenger") },
    ]);
  }
  const window = messengerWindow({ lastInboundAt: conversation.lastInboundAt }).state;
  const messaging = checkMessengerPolicy({ window, humanAgentTag: input.tag === "HUMAN_AGENT", contact: conversation.contact, channel });

  if (input.text !== undefined) {
    if (input.text.length > limits.messengerText) {
      throw new AppError("INVALID_INPUT", phrase("errors.messengerTextTooLong", { max: limits.messengerText }), [
        { path: "text", message: phrase("errors.fieldAtMost", { max: limits.messengerText }) },
      ]);
    }
    return { ...messengerTextOutbound({ text: input.text, messaging }), mediaId: null };
  }
  if (input.quickReplies) return { ...messengerQuickRepliesOutbound({ input: input.quickReplies, messaging }), mediaId: null };

  const wanted = input.media!;
  if (wanted.caption) {
    throw new AppError("INVALID_INPUT", phrase("errors.messengerNoCaption"), [
      { path: "media.caption", message: phrase("errors.fieldNoCaptionOnMessenger") },
    ]);
  }
  const media = await db.media.findFirst({ where: { id: wanted.mediaId, channelId: conversation.contact.channelId } });
  if (!media) {
    throw new AppError("UNPROCESSABLE", phrase("errors.noSuchUpload"), [
      { path: "media.mediaId", message: phrase("errors.fieldUnknownMedia") },
    ]);
  }
  if (media.state !== "STORED" || !media.metaMediaId) {
    // The refusal is the channel's sentence, stored once in English when the upload failed.
    const why = media.error ? phrase("errors.uploadRefused", { reason: media.error }) : phrase("errors.uploadUnfinishedMessenger");
    throw new AppError("UNPROCESSABLE", why, [{ path: "media.mediaId", message: phrase("errors.fieldUploadNotReady") }]);
  }
  const type = outboundTypeFor(media.mimeType);
  return { ...messengerMediaOutbound({ type, attachmentId: media.metaMediaId, fileName: media.fileName, messaging }), mediaId: media.id };
}
