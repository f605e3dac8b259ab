import "server-only";
import type { ReceiptInput, SendFailure } from "@/lib/conversations/channel-input";
import { setBlockedAtMeta, type BlockResult } from "./block-users";
import { describeMetaError } from "./error-messages";
import { GraphError, graphRequest, sendGraphMessage } from "./graph-client";
import { graphMessagePayload, type StoredOutbound } from "./message-payload";
import { sendReadReceipt } from "./send-read-receipt";
import { readStoredReceipt } from "./translate-receipt";
import { uploadMedia } from "./upload-media";

// What the domain asks of WhatsApp (docs/architecture.md, "Sending"): the one module of the adapter
// the domain calls to reach Meta. Failures come back as plain values (SendFailure, BlockResult, a
// sentence), so the domain decides about retries and what people see without knowing the Graph
// API's errors.

export type { BlockResult, SendFailure };

/** What a WhatsApp number is called and how it is written, as Meta has them. */
export type NumberDetails = { name: string; displayPhoneNumber: string };

export const whatsappTransport = {
  /** Sends one stored outbound message; returns the wamid Meta assigned. */
  async sendMessage({
    phoneNumberId,
    message,
    recipient,
  }: {
    phoneNumberId: string;
    message: StoredOutbound;
    recipient: { waId: string | null; bsuid: string | null };
  }): Promise<string> {
    return sendGraphMessage({ phoneNumberId, payload: graphMessagePayload({ message, recipient }) });
  },

  /** Blue ticks (and, with `typing`, "typing…") on the customer's phone. */
  async markRead({ phoneNumberId, externalId, typing }: { phoneNumberId: string; externalId: string; typing: boolean }): Promise<void> {
    await sendReadReceipt({ phoneNumberId, wamid: externalId, typing });
  },

  /** Uploads a file for a later message; returns Meta's media id, or a sentence saying why not. */
  async uploadMedia(file: {
    phoneNumberId: string;
    bytes: Uint8Array;
    mimeType: string;
    fileName: string;
  }): Promise<{ ok: true; mediaId: string } | { ok: false; sentence: string }> {
    try {
      return { ok: true, mediaId: await uploadMedia(file) };
    } catch (error) {
      // 131053: Meta's "media upload error", the closest reading of any other failure.
      return { ok: false, sentence: describeMetaError({ code: error instanceof GraphError ? (error.code ?? 131053) : 131053 }) };
    }
  },

  /** Blocks or unblocks a customer in WhatsApp itself (Meta's Block Users API). */
  setBlocked(input: { phoneNumberId: string; waId: string; blocked: boolean }): Promise<BlockResult> {
    return setBlockedAtMeta(input);
  },

  /**
   * The number's verified name and display form (GET /{phone-number-id}), or why Meta would not
   * say. With `accessToken`, asks with that token: how new credentials are checked before saving.
   */
  async describeNumber({
    phoneNumberId,
    accessToken,
  }: {
    phoneNumberId: string;
    accessToken?: string;
  }): Promise<NumberDetails | { error: string }> {
    try {
      const number = await graphRequest<{ display_phone_number?: string; verified_name?: string }>({
        as: accessToken ? { accessToken } : { phoneNumberId },
        method: "GET",
        path: `${phoneNumberId}?fields=display_phone_number,verified_name`,
      });
      return { name: number.verified_name || "WhatsApp", displayPhoneNumber: (number.display_phone_number ?? "").replace(/\D/g, "") };
    } catch (error) {
      if (error instanceof GraphError && error.code === 190)
        return { error: "Meta did not accept the access token: it is not valid or has expired." };
      if (error instanceof GraphError && error.code === 100)
        return { error: `Meta has no phone number ${phoneNumberId} that this access token may use.` };
      return { error: (error as Error).message };
    }
  },

  /** A receipt stored as it arrived, for a send whose answer it overtook. */
  readStoredReceipt(raw: unknown): ReceiptInput {
    return readStoredReceipt(raw);
  },

  /**
   * Whether Meta definitely did not take the message (its error answer, or a connection that never
   * opened) and then whether a later try may pass (throttling, transient codes); or whether the
   * outcome is unknown (a timeout, a dropped connection, an answer without Meta's error).
   */
  sendFailure(error: unknown): SendFailure {
    // Anything but a GraphError was thrown before the request was made (credentials, the payload).
    if (!(error instanceof GraphError)) {
      return { outcome: "refused", retryable: true, code: null, title: (error as Error)?.message ?? "Sending failed", details: null };
    }
    if (error.ambiguous) return { outcome: "unknown", reason: error.message };
    return { outcome: "refused", retryable: error.retryable, code: error.code, title: error.message, details: error.details };
  },
};
