import { db, type Prisma } from "@/lib/db/client";
import { SERVICE_WINDOW_MS } from "@/lib/inbox/window";
import { deliverWebhook, webhookBody } from "./deliver-webhook";
import { getSimulatorMedia } from "./media-graph";
import { newWamid } from "./wamid";

// The simulator's Graph API: the endpoints Switchboard calls, answering with Meta's response and
// error shapes, then sending the status webhooks Meta would (sent → delivered → read).

export type GraphReply = { status: number; body: unknown };

const STATUS_DELAYS_MS = { sent: 300, delivered: 1_200, read: 2_200 };

export function graphError(status: number, code: number, message: string, type = "OAuthException"): GraphReply {
  return {
    status,
    body: { error: { message, type, code, error_data: { messaging_product: "whatsapp", details: message }, fbtrace_id: "Asimulator" } },
  };
}

type GraphRequest = { method: string; path: string[]; query: URLSearchParams; body: unknown };
type Route = { method: string; path: string[]; handle: (params: Record<string, string>, request: GraphRequest) => Promise<GraphReply> };

// The Graph endpoints the simulator answers, after the version segment. ":name" matches any
// segment and is passed to the handler; anything else gets Meta's "unsupported request" error.
const routes: Route[] = [
  { method: "POST", path: [":phoneNumberId", "messages"], handle: ({ phoneNumberId }, { body }) => postMessage({ phoneNumberId, body }) },
  { method: "GET", path: [":mediaId"], handle: ({ mediaId }) => getSimulatorMedia({ mediaId }) },
];

export async function handleGraphRequest({
  method,
  segments,
  query = new URLSearchParams(),
  authorization,
  body,
}: {
  method: string;
  segments: string[];
  query?: URLSearchParams;
  authorization: string | null;
  body: unknown;
}): Promise<GraphReply> {
  if (!authorization?.startsWith("Bearer ") || authorization.length <= "Bearer ".length) {
    return graphError(401, 190, "Invalid OAuth access token - Cannot parse access token");
  }
  const [, ...path] = segments; // drop the version ("v23.0")
  for (const route of routes) {
    const params = matchPath(route, method, path);
    if (params) return route.handle(params, { method, path, query, body });
  }
  return graphError(
    400,
    100,
    `Unsupported ${method.toLowerCase()} request. Object with ID '${path[0] ?? ""}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
    "GraphMethodException",
  );
}

function matchPath(route: Route, method: string, path: string[]): Record<string, string> | null {
  if (route.method !== method || route.path.length !== path.length) return null;
  const params: Record<string, string> = {};
  for (const [index, part] of route.path.entries()) {
    if (part.startsWith(":")) params[part.slice(1)] = decodeURIComponent(path[index]);
    else if (part !== path[index]) return null;
  }
  return params;
}

async function postMessage({ phoneNumberId, body }: { phoneNumberId: string; body: unknown }): Promise<GraphReply> {
  const channel = await db.channel.findUnique({ where: { phoneNumberId } });
  if (!channel) return graphError(400, 100, `Object with ID '${phoneNumberId}' does not exist.`, "GraphMethodException");

  const request = (body ?? {}) as Record<string, unknown>;
  if (request.messaging_product !== "whatsapp") {
    return graphError(400, 100, "(#100) The parameter messaging_product is required.");
  }
  if (request.status === "read") return { status: 200, body: { success: true } };

  const to = typeof request.to === "string" ? request.to.replace(/^\+/, "") : null;
  const type = typeof request.type === "string" ? request.type : "text";
  if (!to) return graphError(400, 100, "(#100) The parameter to is required.");
  if (type === "text") {
    const text = (request.text ?? {}) as { body?: unknown };
    if (typeof text.body !== "string" || !text.body) return graphError(400, 100, "(#100) The parameter text['body'] is required.");
    if (text.body.length > 4096) return graphError(400, 100, "(#100) Param text['body'] must be at most 4096 characters long.");
  }

  const wamid = newWamid();
  await db.simulatorMessage.create({
    data: { phoneNumberId, customerWaId: to, direction: "OUTBOUND", wamid, type, payload: request as Prisma.InputJsonValue },
  });

  const lastInbound = await db.simulatorMessage.findFirst({
    where: { phoneNumberId, customerWaId: to, direction: "INBOUND" },
    orderBy: { createdAt: "desc" },
  });
  const windowOpen = !!lastInbound && Date.now() - lastInbound.createdAt.getTime() < SERVICE_WINDOW_MS;
  const channelInfo = { wabaId: channel.wabaId, phoneNumberId, displayPhoneNumber: channel.displayPhoneNumber };
  const callback = typeof request.biz_opaque_callback_data === "string" ? request.biz_opaque_callback_data : undefined;

  if (type !== "template" && !windowOpen) {
    scheduleStatuses({ ...channelInfo, wamid, to, callback, steps: ["failed"] });
  } else {
    scheduleStatuses({ ...channelInfo, wamid, to, callback, steps: ["sent", "delivered", "read"] });
  }

  return {
    status: 200,
    body: { messaging_product: "whatsapp", contacts: [{ input: to, wa_id: to }], messages: [{ id: wamid, message_status: "accepted" }] },
  };
}

type Step = "sent" | "delivered" | "read" | "failed";

function scheduleStatuses(options: {
  wabaId: string;
  phoneNumberId: string;
  displayPhoneNumber: string;
  wamid: string;
  to: string;
  callback?: string;
  steps: Step[];
}) {
  for (const step of options.steps) {
    const delay = step === "failed" ? STATUS_DELAYS_MS.sent : STATUS_DELAYS_MS[step];
    setTimeout(() => void emitStatus({ ...options, step }), delay).unref();
  }
}

async function emitStatus({
  wabaId,
  phoneNumberId,
  displayPhoneNumber,
  wamid,
  to,
  callback,
  step,
}: {
  wabaId: string;
  phoneNumberId: string;
  displayPhoneNumber: string;
  wamid: string;
  to: string;
  callback?: string;
  step: Step;
}) {
  const status: Record<string, unknown> = {
    id: wamid,
    status: step,
    timestamp: String(Math.floor(Date.now() / 1000)),
    recipient_id: to,
    ...(callback ? { biz_opaque_callback_data: callback } : {}),
  };
  if (step === "sent" || step === "delivered") {
    status.pricing = { billable: false, pricing_model: "PMP", type: "free_customer_service", category: "service" };
  }
  if (step === "failed") {
    status.errors = [
      {
        code: 131047,
        title: "Re-engagement message",
        message: "Re-engagement message",
        error_data: { details: "Message failed to send because more than 24 hours have passed since the customer last replied to this number." },
        href: "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/",
      },
    ];
  }
  await db.simulatorMessage.updateMany({ where: { wamid }, data: { status: step } }).catch(() => undefined);
  await deliverWebhook(webhookBody({ wabaId, phoneNumberId, displayPhoneNumber, value: { statuses: [status] } }));
}
