import "server-only";
import type { ReceiptInput } from "@/lib/conversations/channel-input";
import { GraphError, sendGraphMessage } from "./graph-client";
import { graphMessagePayload, type StoredOutbound } from "./message-payload";
import { sendReadReceipt } from "./send-read-receipt";
import { readStoredReceipt } from "./translate-receipt";

// What the domain asks of WhatsApp when it sends (docs/architecture.md, "Sending"): the one module
// of the adapter the send jobs call. Failures come back as a plain SendFailure, so the domain
// decides about retries and what the thread says without knowing the Graph API's errors.

export type SendFailure = { retryable: boolean; code: number | null; title: string; details: string | null };

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

  /** A receipt stored as it arrived, for a send whose answer it overtook. */
  readStoredReceipt(raw: unknown): ReceiptInput {
    return readStoredReceipt(raw);
  },

  /** Throttling, timeouts and Meta's transient codes are worth another try; a refusal is not. */
  sendFailure(error: unknown): SendFailure {
    const graph = error instanceof GraphError ? error : null;
    return {
      retryable: !graph || graph.retryable,
      code: graph?.code ?? null,
      title: graph?.message ?? (error as Error).message ?? "Sending failed",
      details: graph?.details ?? null,
    };
  },
};
