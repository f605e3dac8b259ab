import "server-only";
import { db, type Contact, type Conversation } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { outboundTypeFor } from "@/lib/messenger/attachment-rules";
import { messengerMediaOutbound, messengerQuickRepliesOutbound, messengerTextOutbound } from "./build-messenger-outbound";
import { limits, outboundKind, type SendInput } from "./outbound-schema";
import type { PreparedOutbound } from "./prepare-outbound";
import { checkMessengerPolicy } from "./send-policy";
import { messengerWindow } from "./window";

// A reply on Messenger: text, quick replies or a file, checked against Messenger's windows
// (send-policy.ts) before the row is written. Templates, flows and WhatsApp's buttons and lists
// are WhatsApp's own; they are refused here with the field they concern.

const whatsappOnly: Record<string, string> = {
  template: "Messenger has no message templates: reply with text, quick replies or a file.",
  flow: "WhatsApp Flows can't be sent on Messenger.",
  interactive: "Reply buttons and lists are WhatsApp's: on Messenger, send quick replies.",
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
  if (whatsappOnly[kind]) throw new AppError("UNPROCESSABLE", whatsappOnly[kind], [{ path: kind, message: "Not available on Messenger." }]);
  if (input.replyTo) {
    throw new AppError("UNPROCESSABLE", "A Messenger reply can't quote a message from here: write the reply on its own.", [
      { path: "replyTo", message: "Not available on Messenger." },
    ]);
  }
  const window = messengerWindow({ lastInboundAt: conversation.lastInboundAt }).state;
  const messaging = checkMessengerPolicy({ window, humanAgentTag: input.tag === "HUMAN_AGENT", contact: conversation.contact, channel });

  if (input.text !== undefined) {
    if (input.text.length > limits.messengerText) {
      throw new AppError("INVALID_INPUT", `A Messenger message can be at most ${limits.messengerText} characters.`, [
        { path: "text", message: `At most ${limits.messengerText} characters.` },
      ]);
    }
    return { ...messengerTextOutbound({ text: input.text, messaging }), mediaId: null };
  }
  if (input.quickReplies) return { ...messengerQuickRepliesOutbound({ input: input.quickReplies, messaging }), mediaId: null };

  const wanted = input.media!;
  if (wanted.caption) {
    throw new AppError("INVALID_INPUT", "Messenger shows no caption on files: send the text as a message of its own.", [
      { path: "media.caption", message: "Leave the caption out on Messenger." },
    ]);
  }
  const media = await db.media.findFirst({ where: { id: wanted.mediaId, channelId: conversation.contact.channelId } });
  if (!media) {
    throw new AppError("UNPROCESSABLE", "No such upload in this inbox: upload the file first.", [
      { path: "media.mediaId", message: "Unknown media id." },
    ]);
  }
  if (media.state !== "STORED" || !media.metaMediaId) {
    throw new AppError("UNPROCESSABLE", media.error ?? "The file has not finished uploading to Messenger.", [
      { path: "media.mediaId", message: "The upload is not ready." },
    ]);
  }
  const type = outboundTypeFor(media.mimeType);
  return { ...messengerMediaOutbound({ type, attachmentId: media.metaMediaId, fileName: media.fileName, messaging }), mediaId: media.id };
}
