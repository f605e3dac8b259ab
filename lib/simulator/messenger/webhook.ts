import "server-only";
import { postSigned } from "../deliver-webhook";
import { simulatedPage } from "./pages";

// The simulator reaches the app as Meta does for a Page: a POST to the Page webhook
// (/api/webhooks/messenger), signed with the app secret of the Page's app, retried until answered.

export type PageWebhookEvent = Record<string, unknown>;

/** One event in the Page envelope, signed with the Page app's secret. */
export async function deliverPageEvent({ pageId, event, standby = false }: { pageId: string; event: PageWebhookEvent; standby?: boolean }) {
  const page = simulatedPage(pageId);
  if (!page) return 0;
  const payload = { object: "page", entry: [{ id: pageId, time: Date.now(), [standby ? "standby" : "messaging"]: [event] }] };
  return postSigned({ path: "/api/webhooks/messenger", payload, secret: page.appSecret });
}

/** The sender/recipient/timestamp every event starts with: from the customer, or from the Page. */
export function fromCustomer({ pageId, psid }: { pageId: string; psid: string }) {
  return { sender: { id: psid }, recipient: { id: pageId }, timestamp: Date.now() };
}

export function fromPage({ pageId, psid }: { pageId: string; psid: string }) {
  return { sender: { id: pageId }, recipient: { id: psid }, timestamp: Date.now() };
}
