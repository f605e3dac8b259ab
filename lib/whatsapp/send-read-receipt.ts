import "server-only";
import { graphRequest } from "./graph-client";

/**
 * Tells WhatsApp the business has read the customer's message `wamid` (and everything before it):
 * the customer sees blue ticks. With `typing`, they also see "typing…" until the reply or for 25 s.
 */
export async function sendReadReceipt({
  phoneNumberId,
  wamid,
  typing = false,
}: {
  phoneNumberId: string;
  wamid: string;
  typing?: boolean;
}): Promise<void> {
  await graphRequest<{ success?: boolean }>({
    as: { phoneNumberId },
    method: "POST",
    path: `${phoneNumberId}/messages`,
    body: {
      messaging_product: "whatsapp",
      status: "read",
      message_id: wamid,
      ...(typing ? { typing_indicator: { type: "text" } } : {}),
    },
  });
}
