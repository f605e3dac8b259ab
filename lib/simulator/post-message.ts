import "server-only";
import { db, type Prisma } from "@/lib/db/client";
import { customerSettings, customerWindows } from "./customer-state";
import { scheduleStatuses, type StatusError, type StatusTarget, type StatusStep } from "./emit-status";
import { graphError, ok, type GraphReply } from "./graph-reply";
import { simulatedPricing } from "./pricing";
import { sendFault } from "./send-faults";
import { validateMessage } from "./validate-message";
import { newWamid } from "./wamid";
import { numberIds } from "@/lib/whatsapp/whatsapp-number";

// POST /{phone-number-id}/messages: sends (every message type), read receipts and typing
// indicators, answered as the Cloud API answers, followed by the status webhooks Meta would send.
//
// Marked customer numbers make the simulated Meta misbehave on purpose, for tests and demos:
//  - 998…: the first request for a message answers HTTP 500 (code 2, transient); the next succeeds.
//  - 997…: the first request for a message answers HTTP 400 (code 368, a temporary policy block
//    that retrying at once does not lift); the next succeeds.
//  - 999…: not on WhatsApp: accepted, then a failed status with 131026.
//  - 993…–996…: answers that leave the outcome unknown, or keep failing for a while (send-faults.ts).
// "A message" is told apart by its biz_opaque_callback_data (Switchboard sends its message id).
// Besides those: free-form outside the 24 h window fails with 131047, and a customer the business
// blocked through the Block Users API fails with 130403.

const firstAttempts = globalThis as unknown as { simulatorFirstAttempts?: Set<string> };

export async function postMessage({
  phoneNumberId,
  body,
  version,
}: {
  phoneNumberId: string;
  body: unknown;
  version: number;
}): Promise<GraphReply> {
  const row = await db.channel.findUnique({ where: { phoneNumberId } });
  const channel = row ? numberIds(row) : null;
  if (!channel) return graphError(400, 100, `Object with ID '${phoneNumberId}' does not exist.`, "GraphMethodException");

  const request = (body ?? {}) as Record<string, unknown>;
  if (request.messaging_product !== "whatsapp") return graphError(400, 100, "(#100) The parameter messaging_product is required.");
  if (request.status === "read") return markRead({ phoneNumberId, request });

  const raw = typeof request.to === "string" ? request.to : typeof request.recipient === "string" ? request.recipient : null;
  const to = raw?.replace(/^\+/, "").replace(/[\s-]/g, "") ?? null;
  if (!to) return graphError(400, 100, "(#100) The parameter to is required.");
  const type = typeof request.type === "string" ? request.type : "text";
  const callback = typeof request.biz_opaque_callback_data === "string" ? request.biz_opaque_callback_data : undefined;

  const misbehaviour = firstAttemptFailure({ to, key: callback ?? JSON.stringify(request) });
  if (misbehaviour) return misbehaviour;
  const fault = sendFault({ to, key: callback ?? JSON.stringify(request) });
  if (fault === "lost") return { status: 200, body: {}, fault: { kind: "hang" } };
  if (fault === "unavailable") {
    return graphError(503, 2, "Service temporarily unavailable", "OAuthException", "WhatsApp's service is temporarily unavailable.");
  }

  const checked = await validateMessage(type, request);
  if (checked.error) return checked.error;

  const wamid = newWamid();
  await db.simulatorMessage.create({
    data: { phoneNumberId, customerWaId: to, direction: "OUTBOUND", wamid, type, payload: request as Prisma.InputJsonValue },
  });

  // A message from the business ends its typing indicator.
  await db.simulatorCustomer.updateMany({ where: { phoneNumberId, waId: to }, data: { typingUntil: null } });
  const [windows, settings] = await Promise.all([
    customerWindows({ phoneNumberId, waId: to }),
    customerSettings({ phoneNumberId, waId: to }),
  ]);
  const target: StatusTarget = {
    wabaId: channel.wabaId,
    phoneNumberId,
    displayPhoneNumber: channel.displayPhoneNumber,
    wamid,
    to,
    callback,
  };
  const failure = deliveryFailure({
    to,
    isTemplate: type === "template",
    serviceWindowOpen: windows.serviceWindowOpen,
    blocked: !!settings.blockedAt,
  });
  const statuses = () => {
    if (failure) {
      scheduleStatuses({ target, steps: ["failed"], version, error: failure });
      return;
    }
    const pricing = simulatedPricing({
      templateCategory: checked.templateCategory,
      serviceWindowOpen: windows.serviceWindowOpen,
      freeEntryPointOpen: !!windows.freeEntryPoint,
    });
    const steps: StatusStep[] = settings.readsMessages ? ["sent", "delivered", "read"] : ["sent", "delivered"];
    scheduleStatuses({ target, steps, pricing, version, freeEntryPoint: windows.freeEntryPoint });
  };

  const answer = ok({
    messaging_product: "whatsapp",
    contacts: [{ input: raw, wa_id: to }],
    messages: [{ id: wamid, message_status: "accepted" }],
  });
  // Accepted, but the caller never learns it: Meta's status webhooks come all the same.
  if (fault === "hang-after-accepting") return { ...answer, fault: { kind: "hang", then: statuses } };
  if (fault === "drop-after-accepting") return { ...answer, fault: { kind: "drop", then: statuses } };
  statuses();
  return answer;
}

// {"status":"read","message_id":…} marks the customer's message (and those before it) read; with
// "typing_indicator" the customer also sees "typing…" until the reply or for 25 s.
async function markRead({ phoneNumberId, request }: { phoneNumberId: string; request: Record<string, unknown> }): Promise<GraphReply> {
  if (typeof request.message_id !== "string") return graphError(400, 100, "(#100) The parameter message_id is required.");
  const typing = request.typing_indicator as { type?: unknown } | undefined;
  if (typing !== undefined && typing?.type !== "text")
    return graphError(400, 100, "(#100) Param typing_indicator['type'] must be one of {text}.");
  const message = await db.simulatorMessage.findUnique({ where: { wamid: request.message_id } });
  if (!message || message.phoneNumberId !== phoneNumberId || message.direction !== "INBOUND") {
    return graphError(400, 100, "(#100) Invalid parameter", "OAuthException", `Message ${request.message_id} was not found.`);
  }
  await db.simulatorMessage.updateMany({
    where: {
      phoneNumberId,
      customerWaId: message.customerWaId,
      direction: "INBOUND",
      createdAt: { lte: message.createdAt },
      status: { not: "read" },
    },
    data: { status: "read" },
  });
  if (typing) {
    await db.simulatorCustomer.upsert({
      where: { phoneNumberId_waId: { phoneNumberId, waId: message.customerWaId } },
      create: { phoneNumberId, waId: message.customerWaId, typingUntil: new Date(Date.now() + 25_000) },
      update: { typingUntil: new Date(Date.now() + 25_000) },
    });
  }
  return ok({ success: true });
}

function firstAttemptFailure({ to, key }: { to: string; key: string }): GraphReply | null {
  if (!to.startsWith("998") && !to.startsWith("997")) return null;
  const seen = (firstAttempts.simulatorFirstAttempts ??= new Set());
  const id = `${to}:${key}`;
  if (seen.has(id)) return null;
  seen.add(id);
  if (to.startsWith("998")) {
    return {
      status: 500,
      body: {
        error: { message: "An unknown error has occurred.", type: "OAuthException", code: 2, is_transient: true, fbtrace_id: "Asimulator" },
      },
    };
  }
  return graphError(
    400,
    368,
    "(#368) Temporarily blocked for policies violations",
    "OAuthException",
    "The account is temporarily blocked for sending. Try again later.",
  );
}

function deliveryFailure({
  to,
  isTemplate,
  serviceWindowOpen,
  blocked,
}: {
  to: string;
  isTemplate: boolean;
  serviceWindowOpen: boolean;
  blocked: boolean;
}): StatusError | null {
  if (blocked)
    return { code: 130403, title: "Recipient blocked", details: "The business has blocked this user. Unblock them to send messages." };
  if (to.startsWith("999")) {
    return {
      code: 131026,
      title: "Message undeliverable",
      details: "Unable to deliver message. The recipient may not be a WhatsApp user.",
    };
  }
  if (!isTemplate && !serviceWindowOpen) {
    return {
      code: 131047,
      title: "Re-engagement message",
      details: "Message failed to send because more than 24 hours have passed since the customer last replied to this number.",
    };
  }
  return null;
}
