import "server-only";
import { randomBytes } from "node:crypto";
import { db, type Prisma } from "@/lib/db/client";
import { config } from "@/lib/config";
import { limits } from "@/lib/conversations/outbound-schema";
import { ok, type GraphReply } from "../graph-reply";
import { simulatorMediaInfo } from "../media-store";
import { lastCustomerAction, messengerWindowState, pageHasHumanAgent, readsMessages } from "./customer-state";
import { messengerError, SIMULATOR_MESSENGER_APP_ID } from "./pages";
import { deliverPageEvent, fromCustomer, fromPage } from "./webhook";

// POST /{page-id}/messages as the Send API answers it: sender actions (mark_seen, typing_on/off)
// and messages, checked as Meta checks them — a customer the Page has heard from, Messenger's 24 h
// window (RESPONSE), 7 days with the HUMAN_AGENT tag only for a Page whose app has that permission
// — with Meta's errors. An accepted message comes back to the app as Meta's webhooks would follow
// it: the echo (with our metadata), a delivery (mids and watermark), and a read watermark if the
// customer opens the chat. PSIDs starting 999 are unavailable (551), as a blocked Page would be.

export const STEP_DELAYS_MS = { echo: 300, delivery: 1_200, read: 2_200 } as const;

type Body = {
  recipient?: { id?: unknown };
  sender_action?: unknown;
  messaging_type?: unknown;
  tag?: unknown;
  message?: {
    text?: unknown;
    quick_replies?: unknown;
    attachment?: { type?: unknown; payload?: { attachment_id?: unknown } };
    metadata?: unknown;
  };
};

export function newMid(): string {
  return `m_${randomBytes(30).toString("base64url")}`;
}

export async function sendApi({ pageId, body }: { pageId: string; body: unknown }): Promise<GraphReply> {
  const request = (body ?? {}) as Body;
  const psid = typeof request.recipient?.id === "string" ? request.recipient.id : null;
  if (!psid) return messengerError(400, 100, null, "(#100) The parameter recipient is required");
  if (!(await lastCustomerAction({ pageId, psid }))) return messengerError(400, 100, 2018001, "(#100) No matching user found");
  if (psid.startsWith("999")) return messengerError(400, 551, 1545041, "(#551) This person isn't available right now.");

  if (request.sender_action !== undefined) return senderAction({ pageId, psid, action: request.sender_action });

  const problem = await windowProblem({ pageId, psid, request });
  if (problem) return problem;
  const message = request.message;
  if (!message) return messengerError(400, 100, null, "(#100) Must send either message or sender_action");
  const view = await messageView(message);
  if ("error" in view) return view.error;

  const mid = newMid();
  await db.simulatorMessage.create({
    data: {
      phoneNumberId: pageId,
      customerWaId: psid,
      direction: "OUTBOUND",
      wamid: mid,
      type: view.type,
      payload: { ...view.payload, messaging_type: request.messaging_type ?? "RESPONSE", tag: request.tag ?? null } as Prisma.InputJsonValue,
    },
  });
  await db.simulatorCustomer.updateMany({ where: { phoneNumberId: pageId, waId: psid }, data: { typingUntil: null } });
  follow({ pageId, psid, mid, echo: { ...view.echo, ...(typeof message.metadata === "string" ? { metadata: message.metadata } : {}) } });
  return ok({ recipient_id: psid, message_id: mid });
}

async function windowProblem({ pageId, psid, request }: { pageId: string; psid: string; request: Body }): Promise<GraphReply | null> {
  const window = await messengerWindowState({ pageId, psid });
  if (request.messaging_type === "MESSAGE_TAG") {
    if (request.tag !== "HUMAN_AGENT")
      return messengerError(400, 100, null, `(#100) Tag ${String(request.tag)} is not supported for this Page`);
    if (!(await pageHasHumanAgent(pageId))) {
      return messengerError(403, 200, null, "(#200) The HUMAN_AGENT tag can only be used by an app with the Human Agent permission");
    }
    if (window === "open" || window === "human_agent") return null;
    return messengerError(400, 10, 2018278, "(#10) This message is sent outside of allowed window.");
  }
  if (window === "open") return null;
  return messengerError(400, 10, 2018278, "(#10) This message is sent outside of allowed window.");
}

type View = { type: string; payload: Record<string, unknown>; echo: Record<string, unknown> };

async function messageView(message: NonNullable<Body["message"]>): Promise<View | { error: GraphReply }> {
  if (typeof message.text === "string") {
    if (!message.text)
      return { error: messengerError(400, 100, 2018034, "(#100) Message cannot be empty, must provide valid attachment or text") };
    if (message.text.length > limits.messengerText)
      return { error: messengerError(400, 100, null, "(#100) Length of param message[text] must be less than or equal to 2000") };
    const replies = Array.isArray(message.quick_replies) ? (message.quick_replies as { title?: unknown; payload?: unknown }[]) : [];
    if (replies.length > limits.quickReplies)
      return { error: messengerError(400, 100, null, "(#100) param message[quick_replies] must have at most 13 items") };
    if (replies.some((reply) => typeof reply.title !== "string" || reply.title.length > limits.quickReplyTitle)) {
      return { error: messengerError(400, 100, null, "(#100) Each quick reply needs a title of at most 20 characters") };
    }
    const quickReplies = replies.map((reply) => ({ title: String(reply.title), payload: String(reply.payload ?? reply.title) }));
    return { type: "text", payload: { text: message.text, quick_replies: quickReplies }, echo: { text: message.text } };
  }
  const attachmentId = message.attachment?.payload?.attachment_id;
  const info = typeof attachmentId === "string" ? await simulatorMediaInfo(attachmentId) : null;
  if (!info) return { error: messengerError(400, 100, null, "(#100) Invalid attachment_id") };
  const type = String(message.attachment?.type ?? "file");
  const url = `${config().internalUrl}/api/simulator/messenger/files/${info.id}`;
  return {
    type: "attachment",
    payload: { attachment: { type, url, mimeType: info.mimeType, fileName: info.fileName } },
    echo: { attachments: [{ type, payload: { url } }] },
  };
}

async function senderAction({ pageId, psid, action }: { pageId: string; psid: string; action: unknown }): Promise<GraphReply> {
  const where = { phoneNumberId_waId: { phoneNumberId: pageId, waId: psid } };
  if (action === "mark_seen") {
    await db.simulatorMessage.updateMany({
      where: { phoneNumberId: pageId, customerWaId: psid, direction: "INBOUND" },
      data: { status: "read" },
    });
  } else if (action === "typing_on" || action === "typing_off") {
    const typingUntil = action === "typing_on" ? new Date(Date.now() + 20_000) : null;
    await db.simulatorCustomer.upsert({ where, create: { phoneNumberId: pageId, waId: psid, typingUntil }, update: { typingUntil } });
  } else {
    return messengerError(400, 100, null, "(#100) param sender_action must be one of {MARK_SEEN, TYPING_ON, TYPING_OFF}");
  }
  return ok({ recipient_id: psid });
}

/** What Meta sends after accepting a message: the echo, the delivery, and the read if the customer opens it. */
function follow({ pageId, psid, mid, echo }: { pageId: string; psid: string; mid: string; echo: Record<string, unknown> }) {
  const later = (ms: number, step: () => Promise<unknown>) => setTimeout(() => void step().catch(() => undefined), ms).unref();
  later(STEP_DELAYS_MS.echo, () =>
    deliverPageEvent({
      pageId,
      event: { ...fromPage({ pageId, psid }), message: { mid, is_echo: true, app_id: Number(SIMULATOR_MESSENGER_APP_ID), ...echo } },
    }),
  );
  later(STEP_DELAYS_MS.delivery, async () => {
    await db.simulatorMessage.updateMany({ where: { wamid: mid, status: "accepted" }, data: { status: "delivered" } });
    await deliverPageEvent({ pageId, event: { ...fromCustomer({ pageId, psid }), delivery: { mids: [mid], watermark: Date.now() } } });
  });
  later(STEP_DELAYS_MS.read, async () => {
    if (await readsMessages({ pageId, psid })) await readWatermark({ pageId, psid });
  });
}

/** The customer opened the chat: everything the Page sent so far is read, as one watermark. */
export async function readWatermark({ pageId, psid }: { pageId: string; psid: string }) {
  const read = await db.simulatorMessage.updateMany({
    where: { phoneNumberId: pageId, customerWaId: psid, direction: "OUTBOUND", status: { in: ["accepted", "delivered"] } },
    data: { status: "read" },
  });
  if (read.count === 0) return;
  await deliverPageEvent({ pageId, event: { ...fromCustomer({ pageId, psid }), read: { watermark: Date.now() } } });
}
