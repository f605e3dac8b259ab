import "server-only";
import { db } from "@/lib/db/client";
import { HUMAN_AGENT_WINDOW_MS, SERVICE_WINDOW_MS } from "@/lib/conversations/window";

// What the simulated Meta knows about one customer of one Page, from its own record of the chat:
// when they last acted (which decides Messenger's windows), whether they open what the Page sends.
// The simulator's tables serve both platforms: phoneNumberId holds the Page id, waId the PSID.

/** Customer actions that open Messenger's windows: a message, a quick reply, a button tap, an arrival by link or ad. */
const WINDOW_OPENERS = ["text", "attachment", "quick_reply", "postback", "referral"];

export async function lastCustomerAction({ pageId, psid }: { pageId: string; psid: string }): Promise<Date | null> {
  const last = await db.simulatorMessage.findFirst({
    where: { phoneNumberId: pageId, customerWaId: psid, direction: "INBOUND", type: { in: WINDOW_OPENERS } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  return last?.createdAt ?? null;
}

/** Which of Messenger's windows the customer is in, as Meta judges it. */
export async function messengerWindowState({ pageId, psid, now = new Date() }: { pageId: string; psid: string; now?: Date }) {
  const last = await lastCustomerAction({ pageId, psid });
  if (!last) return "none" as const;
  const age = now.getTime() - last.getTime();
  return age < SERVICE_WINDOW_MS ? ("open" as const) : age < HUMAN_AGENT_WINDOW_MS ? ("human_agent" as const) : ("closed" as const);
}

export async function pageHasHumanAgent(pageId: string): Promise<boolean> {
  return (await db.simulatorPage.findUnique({ where: { pageId } }))?.humanAgent ?? false;
}

export async function readsMessages({ pageId, psid }: { pageId: string; psid: string }): Promise<boolean> {
  return (
    (await db.simulatorCustomer.findUnique({ where: { phoneNumberId_waId: { phoneNumberId: pageId, waId: psid } } }))?.readsMessages ?? true
  );
}

/** The name the customer gave on the phone: what the User Profile API answers. */
export async function customerName({ pageId, psid }: { pageId: string; psid: string }): Promise<string | null> {
  const latest = await db.simulatorMessage.findFirst({
    where: { phoneNumberId: pageId, customerWaId: psid, direction: "INBOUND", customerName: { not: null } },
    orderBy: { createdAt: "desc" },
    select: { customerName: true },
  });
  return latest?.customerName ?? null;
}
