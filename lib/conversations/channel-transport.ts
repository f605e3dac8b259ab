import "server-only";
import { messengerTransport } from "@/lib/messenger/transport";
import { whatsappTransport } from "@/lib/whatsapp/transport";
import type { Channel, Message } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { phrase } from "@/lib/i18n/phrase";
import type { ReceiptInput, SendFailure } from "./channel-input";

// The one place a channel's kind chooses its transport (docs/architecture.md, "Sending"): the send
// job, read receipts and uploads call the channel through this, bound to the channel's own address
// (a WhatsApp number, a Facebook Page), and never learn which platform answers.

export type { SendFailure };
export type Recipient = { waId: string | null; bsuid: string | null; psid: string | null };
type Upload = { bytes: Uint8Array; mimeType: string; fileName: string };

export type ChannelTransport = {
  sendMessage(args: {
    message: Pick<Message, "id" | "type" | "text" | "content" | "contextExternalId">;
    recipient: Recipient;
  }): Promise<string>;
  /** The customer's message `externalId` (and everything before it) is read; with `typing`, "typing…" too. */
  markRead(args: { externalId: string; recipient: Recipient; typing: boolean }): Promise<void>;
  uploadMedia(file: Upload): Promise<{ ok: true; mediaId: string } | { ok: false; sentence: string }>;
  readStoredReceipt(raw: unknown): ReceiptInput;
  sendFailure(error: unknown): SendFailure;
  /**
   * The receipt Meta's acceptance of a send amounts to, or null when a status webhook follows
   * (WhatsApp's `sent`). Messenger has no sent receipt: its Send API answer is the message sent.
   */
  acceptedReceipt(args: { externalId: string; at: Date }): ReceiptInput | null;
};

export function transportFor(channel: Pick<Channel, "kind" | "phoneNumberId" | "pageId">): ChannelTransport {
  if (channel.kind === "MESSENGER") {
    const pageId = channel.pageId;
    if (!pageId) throw new AppError("UNPROCESSABLE", phrase("errors.pageIdMissing"));
    return {
      sendMessage: ({ message, recipient }) => messengerTransport.sendMessage({ pageId, message, recipient }),
      markRead: async ({ recipient, typing }) => {
        if (recipient.psid) await messengerTransport.markRead({ pageId, psid: recipient.psid, typing });
      },
      uploadMedia: (file) => messengerTransport.uploadMedia({ pageId, ...file }),
      readStoredReceipt: messengerTransport.readStoredReceipt,
      sendFailure: messengerTransport.sendFailure,
      acceptedReceipt: messengerTransport.acceptedReceipt,
    };
  }
  const phoneNumberId = channel.phoneNumberId;
  if (!phoneNumberId) throw new AppError("UNPROCESSABLE", phrase("errors.phoneNumberIdMissing"));
  return {
    sendMessage: ({ message, recipient }) => whatsappTransport.sendMessage({ phoneNumberId, message, recipient }),
    markRead: ({ externalId, typing }) => whatsappTransport.markRead({ phoneNumberId, externalId, typing }),
    uploadMedia: (file) => whatsappTransport.uploadMedia({ phoneNumberId, ...file }),
    readStoredReceipt: whatsappTransport.readStoredReceipt,
    sendFailure: whatsappTransport.sendFailure,
    acceptedReceipt: () => null,
  };
}
