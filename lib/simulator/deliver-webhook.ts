import { config } from "@/lib/config";
import { signBody } from "@/lib/whatsapp/signature";
import { appSecretOf } from "./meta-apps";

// The simulator reaches the app exactly as Meta does: an HTTP POST to the webhook URL, signed with
// the app secret. Like Meta, it retries a delivery that is not answered 200.

const RETRY_DELAYS_MS = [500, 2_000, 5_000];

export async function deliverWebhook(payload: unknown): Promise<number> {
  // Signed with the app secret of the number it concerns, as Meta signs with the app's.
  const secret = appSecretOf(
    (payload as { entry?: { changes?: { value?: { metadata?: { phone_number_id?: string } } }[] }[] }).entry?.[0]?.changes?.[0]?.value
      ?.metadata?.phone_number_id,
  );
  return postSigned({ path: "/api/webhooks/whatsapp", payload, secret });
}

/** POSTs a webhook signed with `secret`, retrying as Meta does; returns the last HTTP status (0: none). */
export async function postSigned({ path, payload, secret }: { path: string; payload: unknown; secret: string }): Promise<number> {
  const body = JSON.stringify(payload);
  let status = 0;
  for (let attempt = 0; attempt <= RETRY_DELAYS_MS.length; attempt++) {
    try {
      const response = await fetch(`${config().internalUrl}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-hub-signature-256": signBody(body, secret) },
        body,
        signal: AbortSignal.timeout(10_000),
      });
      status = response.status;
      await response.arrayBuffer();
      if (status === 200 || (status >= 400 && status < 500 && status !== 429)) return status;
    } catch {
      status = 0;
    }
    if (attempt < RETRY_DELAYS_MS.length) await new Promise((resolve) => setTimeout(resolve, RETRY_DELAYS_MS[attempt]));
  }
  return status;
}

/** The envelope every WhatsApp webhook shares. */
export function webhookBody({
  wabaId,
  phoneNumberId,
  displayPhoneNumber,
  value,
}: {
  wabaId: string;
  phoneNumberId: string;
  displayPhoneNumber: string;
  value: Record<string, unknown>;
}) {
  return {
    object: "whatsapp_business_account",
    entry: [
      {
        id: wabaId,
        changes: [
          {
            field: "messages",
            value: {
              messaging_product: "whatsapp",
              metadata: { display_phone_number: displayPhoneNumber, phone_number_id: phoneNumberId },
              ...value,
            },
          },
        ],
      },
    ],
  };
}
