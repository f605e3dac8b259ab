import "server-only";
import { db } from "@/lib/db/client";
import { deliverWebhook, webhookBody } from "./deliver-webhook";
import { simulatedConversation, type Pricing } from "./pricing";
import type { FreeEntryPoint } from "./customer-state";

// The status webhooks Meta sends after accepting a message: sent → delivered → read (read only if
// the customer opens it), or failed with the reason. Pricing rides on `sent` and `delivered`
// ("only on sent and one of delivered/read"), never on `read`.

export type StatusStep = "sent" | "delivered" | "read" | "failed";

export type StatusTarget = {
  wabaId: string;
  phoneNumberId: string;
  displayPhoneNumber: string;
  wamid: string;
  to: string;
  callback?: string;
};

export type StatusError = { code: number; title: string; details: string };

export const STATUS_DELAYS_MS: Record<StatusStep, number> = { sent: 300, delivered: 1_200, read: 2_200, failed: 300 };

export function scheduleStatuses({
  target,
  steps,
  pricing,
  version,
  freeEntryPoint,
  error,
}: {
  target: StatusTarget;
  steps: StatusStep[];
  pricing?: Pricing;
  version: number;
  freeEntryPoint?: FreeEntryPoint | null;
  error?: StatusError;
}) {
  for (const step of steps) {
    const extra: Record<string, unknown> = {};
    if (pricing && (step === "sent" || step === "delivered")) {
      extra.pricing = pricing;
      const conversation = simulatedConversation({ version, pricing, wamid: target.wamid, freeEntryPoint: freeEntryPoint ?? null, step });
      if (conversation) extra.conversation = conversation;
    }
    if (step === "failed" && error) {
      extra.errors = [
        {
          code: error.code,
          title: error.title,
          message: error.title,
          error_data: { details: error.details },
          href: "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/",
        },
      ];
    }
    setTimeout(() => void emitStatus({ target, step, extra }), STATUS_DELAYS_MS[step]).unref();
  }
}

export async function emitStatus({
  target,
  step,
  extra = {},
}: {
  target: StatusTarget;
  step: StatusStep;
  extra?: Record<string, unknown>;
}) {
  const status = {
    id: target.wamid,
    status: step,
    timestamp: String(Math.floor(Date.now() / 1000)),
    recipient_id: target.to,
    ...(target.callback ? { biz_opaque_callback_data: target.callback } : {}),
    ...extra,
  };
  // The phone's ticks only move forward, as the webhooks' statuses do in the app.
  const earlier: Record<StatusStep, string[]> = {
    sent: ["accepted"],
    delivered: ["accepted", "sent"],
    read: ["accepted", "sent", "delivered"],
    failed: ["accepted", "sent"],
  };
  await db.simulatorMessage
    .updateMany({ where: { wamid: target.wamid, status: { in: earlier[step] } }, data: { status: step } })
    .catch(() => undefined);
  await deliverWebhook(
    webhookBody({
      wabaId: target.wabaId,
      phoneNumberId: target.phoneNumberId,
      displayPhoneNumber: target.displayPhoneNumber,
      value: { statuses: [status] },
    }),
  );
}
