import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db/client";
import { FREE_ENTRY_POINT_MS, REFERRAL_REPLY_MS } from "@/lib/conversations/billing";
import { SERVICE_WINDOW_MS } from "@/lib/conversations/window";

// What Meta knows about one customer of one business number, worked out from the simulator's own
// record of the chat (never from the app's tables): the windows that decide whether a message may
// be sent and how it is priced, and the customer's phone settings.

export type FreeEntryPoint = { id: string; expiresAt: Date };
export type CustomerWindows = { serviceWindowOpen: boolean; freeEntryPoint: FreeEntryPoint | null };

export async function customerWindows({
  phoneNumberId,
  waId,
  now = new Date(),
}: {
  phoneNumberId: string;
  waId: string;
  now?: Date;
}): Promise<CustomerWindows> {
  const lastInbound = await db.simulatorMessage.findFirst({
    where: { phoneNumberId, customerWaId: waId, direction: "INBOUND" },
    orderBy: { createdAt: "desc" },
  });
  const serviceWindowOpen = !!lastInbound && now.getTime() - lastInbound.createdAt.getTime() < SERVICE_WINDOW_MS;
  return { serviceWindowOpen, freeEntryPoint: await freeEntryPoint({ phoneNumberId, waId, now }) };
}

// The customer's latest message that came from an ad or Page CTA; the business's first message
// after it, if sent within 24 h, opens a 72 h window from that message.
async function freeEntryPoint({
  phoneNumberId,
  waId,
  now,
}: {
  phoneNumberId: string;
  waId: string;
  now: Date;
}): Promise<FreeEntryPoint | null> {
  const [referral] = await db.$queryRaw<{ wamid: string; createdAt: Date }[]>`
    SELECT wamid, "createdAt" FROM "SimulatorMessage"
    WHERE "phoneNumberId" = ${phoneNumberId} AND "customerWaId" = ${waId} AND direction = 'INBOUND' AND payload ? 'referral'
    ORDER BY "createdAt" DESC LIMIT 1`;
  if (!referral) return null;
  const firstReply = await db.simulatorMessage.findFirst({
    where: { phoneNumberId, customerWaId: waId, direction: "OUTBOUND", createdAt: { gt: referral.createdAt }, status: { not: "failed" } },
    orderBy: { createdAt: "asc" },
  });
  if (!firstReply || firstReply.createdAt.getTime() - referral.createdAt.getTime() >= REFERRAL_REPLY_MS) return null;
  const expiresAt = new Date(firstReply.createdAt.getTime() + FREE_ENTRY_POINT_MS);
  if (now >= expiresAt) return null;
  return { id: createHash("sha256").update(referral.wamid).digest("hex").slice(0, 30), expiresAt };
}

export type CustomerSettings = { readsMessages: boolean; blockedAt: Date | null; name: string | null };

export async function customerSettings({ phoneNumberId, waId }: { phoneNumberId: string; waId: string }): Promise<CustomerSettings> {
  const customer = await db.simulatorCustomer.findUnique({ where: { phoneNumberId_waId: { phoneNumberId, waId } } });
  return { readsMessages: customer?.readsMessages ?? true, blockedAt: customer?.blockedAt ?? null, name: customer?.name ?? null };
}

/** When the customer last wrote, or null: the Block Users API only blocks those who wrote in 24 h. */
export async function lastWroteAt({ phoneNumberId, waId }: { phoneNumberId: string; waId: string }): Promise<Date | null> {
  const last = await db.simulatorMessage.findFirst({
    where: { phoneNumberId, customerWaId: waId, direction: "INBOUND" },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  return last?.createdAt ?? null;
}
