import "server-only";
import type { ReceiptInput, SendFailure } from "@/lib/conversations/channel-input";
import { phrase, type Phrase } from "@/lib/i18n/phrase";
import { downloadAttachment } from "./download-attachment";
import { describeMessengerError } from "./error-messages";
import { MessengerGraphError, messengerGraphRequest } from "./graph-client";
import { messengerReceipt, readStoredReceipt } from "./receipts";
import { attachmentTypeFor, messagingOf, sendApiPayload, type StoredMessengerOutbound } from "./send-payload";

// What the domain asks of Messenger (docs/architecture.md, "Sending"): the one module of the
// adapter the domain calls to reach Meta, the counterpart of lib/whatsapp/transport.ts. Failures
// come back as plain values (SendFailure, a sentence), so the domain decides about retries and what
// people see without knowing the Send API's errors.

export type PageDetails = { name: string };
export type CustomerProfile = { name: string | null; pictureUrl: string | null };

/** A send that failed, remembering whether it carried the HUMAN_AGENT tag (Meta's refusal then concerns the tag). */
class SendError extends MessengerGraphError {
  constructor(
    error: MessengerGraphError,
    readonly tagged: boolean,
  ) {
    super(error.message, error.status, error.code, error.subcode, error.retryable, error.ambiguous);
  }
}

export const messengerTransport = {
  /** Sends one stored outbound message through the Send API; returns the mid Meta assigned. */
  async sendMessage({
    pageId,
    message,
    recipient,
  }: {
    pageId: string;
    message: StoredMessengerOutbound;
    recipient: { psid: string | null };
  }): Promise<string> {
    if (!recipient.psid) throw new MessengerGraphError("The customer has no Page-scoped id", 0, 100, 2018001, false);
    try {
      const answer = await messengerGraphRequest<{ recipient_id?: string; message_id?: string }>({
        as: { pageId },
        method: "POST",
        path: `${pageId}/messages`,
        body: sendApiPayload({ message, psid: recipient.psid }),
      });
      if (!answer.message_id) throw new MessengerGraphError("The Send API accepted the message but returned no id", 200, null, null, false);
      return answer.message_id;
    } catch (error) {
      if (error instanceof MessengerGraphError) throw new SendError(error, messagingOf(message.content).messaging_type === "MESSAGE_TAG");
      throw error;
    }
  },

  /**
   * The customer sees their messages as seen (sender action mark_seen) and, with `typing`, the
   * Page typing (typing_on, which Messenger shows for 20 s or until the reply).
   */
  async markRead({ pageId, psid, typing }: { pageId: string; psid: string; typing: boolean }): Promise<void> {
    for (const action of typing ? ["mark_seen", "typing_on"] : ["mark_seen"]) {
      await messengerGraphRequest({
        as: { pageId },
        method: "POST",
        path: `${pageId}/messages`,
        body: { recipient: { id: psid }, sender_action: action },
      });
    }
  },

  /** Uploads a file for a later message (Attachment Upload API); returns its attachment id, or why not. */
  async uploadMedia({
    pageId,
    bytes,
    mimeType,
    fileName,
  }: {
    pageId: string;
    bytes: Uint8Array;
    mimeType: string;
    fileName: string;
  }): Promise<{ ok: true; mediaId: string } | { ok: false; sentence: string }> {
    const form = new FormData();
    form.set("message", JSON.stringify({ attachment: { type: attachmentTypeFor(mimeType), payload: { is_reusable: true } } }));
    form.set("filedata", new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mimeType }), fileName);
    try {
      const answer = await messengerGraphRequest<{ attachment_id?: string }>({
        as: { pageId },
        method: "POST",
        path: `${pageId}/message_attachments`,
        form,
      });
      if (!answer.attachment_id) return { ok: false, sentence: "Messenger accepted the file but returned no attachment id." };
      return { ok: true, mediaId: answer.attachment_id };
    } catch (error) {
      const graph = error instanceof MessengerGraphError ? error : null;
      return {
        ok: false,
        sentence: graph?.code
          ? describeMessengerError({ code: graph.code, subcode: graph.subcode })
          : "The file could not be uploaded to Messenger.",
      };
    }
  },

  /**
   * The Page's name (GET /{page-id}?fields=name), or why Meta would not say. With `accessToken`,
   * asks with that token: how a new Page's credentials are checked before they are saved.
   */
  async describePage({ pageId, accessToken }: { pageId: string; accessToken?: string }): Promise<PageDetails | { error: Phrase }> {
    try {
      const page = await messengerGraphRequest<{ name?: string }>({
        as: accessToken ? { accessToken } : { pageId },
        method: "GET",
        path: `${pageId}?fields=name`,
      });
      return { name: page.name || "Facebook Page" };
    } catch (error) {
      if (error instanceof MessengerGraphError && error.code === 190) return { error: phrase("errors.pageTokenRefused") };
      if (error instanceof MessengerGraphError && error.code === 100) return { error: phrase("errors.pageNotForToken", { pageId }) };
      return { error: phrase("errors.pageCheckFailed", { reason: (error as Error).message }) };
    }
  },

  /**
   * The customer's name and picture from the User Profile API, or null when the Page may not read
   * them (no User Profile permission, or an account made with a phone number: error 2018218).
   */
  async describeCustomer({ pageId, psid }: { pageId: string; psid: string }): Promise<CustomerProfile | null> {
    try {
      const profile = await messengerGraphRequest<{ first_name?: string; last_name?: string; name?: string; profile_pic?: string }>({
        as: { pageId },
        method: "GET",
        path: `${encodeURIComponent(psid)}?fields=first_name,last_name,profile_pic`,
      });
      const name = profile.name ?? [profile.first_name, profile.last_name].filter(Boolean).join(" ");
      if (!name && !profile.profile_pic) return null;
      return { name: name || null, pictureUrl: profile.profile_pic ?? null };
    } catch (error) {
      if (error instanceof MessengerGraphError && !error.retryable) return null;
      throw error;
    }
  },

  /** The bytes of a customer's profile picture (its address expires, as attachments' do); null when gone. */
  async downloadPicture({ url }: { url: string }): Promise<{ bytes: Uint8Array; mimeType: string } | null> {
    return downloadAttachment({ url, type: "image" }).catch((error) => {
      console.warn("[messenger] a profile picture could not be fetched", (error as Error).message);
      return null;
    });
  },

  /** A receipt stored as it arrived (a per-message delivery, or the echo of our own send). */
  readStoredReceipt(raw: unknown): ReceiptInput {
    return readStoredReceipt(raw);
  },

  /** Messenger sends no "sent" receipt: the Send API's answer is the message sent (and, on Messenger, free). */
  acceptedReceipt({ externalId, at }: { externalId: string; at: Date }): ReceiptInput {
    return messengerReceipt({ mid: externalId, status: "sent", at });
  },

  /** Rate limits, timeouts and Meta's temporary failures are worth another try; a refusal is not. */
  sendFailure(error: unknown): SendFailure {
    const graph = error instanceof MessengerGraphError ? error : null;
    const tagged = error instanceof SendError && error.tagged;
    if (graph?.ambiguous) return { outcome: "unknown", reason: graph.message };
    return {
      outcome: "refused",
      retryable: !graph || graph.retryable,
      code: graph?.code ?? null,
      title: graph
        ? describeMessengerError({ code: graph.code, subcode: graph.subcode, tagged, title: graph.message })
        : ((error as Error).message ?? "Sending failed"),
      details: graph ? `${graph.message}${graph.subcode ? ` (subcode ${graph.subcode})` : ""}` : null,
    };
  },
};
