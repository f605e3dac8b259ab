import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { phrase } from "@/lib/i18n/phrase";
import { emitStatus } from "./emit-status";
import { numberIds } from "@/lib/whatsapp/whatsapp-number";

// The simulated customer's phone settings. Someone who doesn't open the chat leaves the business's
// messages at "delivered"; once they do, every message waiting there gets its read receipt.

export type CustomerPhoneSettings = { waId: string; readsMessages: boolean; blocked: boolean; typing: boolean };

export async function phoneSettings({ phoneNumberId, waId }: { phoneNumberId: string; waId: string }): Promise<CustomerPhoneSettings> {
  const customer = await db.simulatorCustomer.findUnique({ where: { phoneNumberId_waId: { phoneNumberId, waId } } });
  return {
    waId,
    readsMessages: customer?.readsMessages ?? true,
    blocked: !!customer?.blockedAt,
    typing: !!customer?.typingUntil && customer.typingUntil > new Date(),
  };
}

export async function updatePhoneSettings({
  phoneNumberId,
  waId,
  readsMessages,
}: {
  phoneNumberId: string;
  waId: string;
  readsMessages: boolean;
}): Promise<CustomerPhoneSettings> {
  await db.simulatorCustomer.upsert({
    where: { phoneNumberId_waId: { phoneNumberId, waId } },
    create: { phoneNumberId, waId, readsMessages },
    update: { readsMessages },
  });
  if (readsMessages) await readWaitingMessages({ phoneNumberId, waId });
  return phoneSettings({ phoneNumberId, waId });
}

async function readWaitingMessages({ phoneNumberId, waId }: { phoneNumberId: string; waId: string }) {
  const row = await db.channel.findUnique({ where: { phoneNumberId } });
  const channel = row ? numberIds(row) : null;
  if (!channel) throw new AppError("NOT_FOUND", phrase("simulator.errors.noChannel", { id: phoneNumberId }));
  const waiting = await db.simulatorMessage.findMany({
    where: { phoneNumberId, customerWaId: waId, direction: "OUTBOUND", status: "delivered" },
    orderBy: { createdAt: "asc" },
  });
  for (const message of waiting) {
    const callback = (message.payload as { biz_opaque_callback_data?: unknown }).biz_opaque_callback_data;
    await emitStatus({
      target: {
        wabaId: channel.wabaId,
        phoneNumberId,
        displayPhoneNumber: channel.displayPhoneNumber,
        wamid: message.wamid,
        to: waId,
        callback: typeof callback === "string" ? callback : undefined,
      },
      step: "read",
    });
  }
}
