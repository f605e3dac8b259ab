import { db, type Prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { phrase, type Translate } from "@/lib/i18n/phrase";
import { ambientLocale } from "@/lib/i18n/preferences";
import { translator } from "@/lib/i18n/translator";
import { buildCustomerMessage, describeCustomerMessage, type CustomerMessage } from "./customer-message";
import { customerSettings } from "./customer-state";
import { outboundView, type PhoneView } from "./outbound-view";
import { deliverWebhook, webhookBody } from "./deliver-webhook";
import { newWamid } from "./wamid";
import { numberIds } from "@/lib/whatsapp/whatsapp-number";

// The customer's side of the simulator: a phone that writes to the business (as a signed Meta
// webhook, through the same endpoint Meta uses) and shows what the business sent back.

export type SimulatedMessage = {
  id: string;
  direction: "INBOUND" | "OUTBOUND";
  type: string;
  text: string;
  status: string;
  createdAt: string;
} & Partial<PhoneView>;

async function channelFor(phoneNumberId: string) {
  const row = await db.channel.findUnique({ where: { phoneNumberId } });
  const channel = row ? numberIds(row) : null;
  if (!channel) throw new AppError("NOT_FOUND", phrase("simulator.errors.noChannel", { id: phoneNumberId }));
  return channel;
}

export async function sendAsCustomer({
  phoneNumberId,
  waId,
  name,
  input,
}: {
  phoneNumberId: string;
  waId: string;
  name: string;
  input: CustomerMessage;
}): Promise<{ wamid: string; webhookStatus: number }> {
  const channel = await channelFor(phoneNumberId);
  if ((await customerSettings({ phoneNumberId, waId })).blockedAt) {
    throw new AppError("UNPROCESSABLE", phrase("simulator.errors.blocked"));
  }
  const wamid = newWamid();
  const { type, message } = await buildCustomerMessage({ waId, wamid, businessNumber: channel.displayPhoneNumber, input });
  await db.simulatorMessage.create({
    data: {
      phoneNumberId,
      customerWaId: waId,
      customerName: name,
      direction: "INBOUND",
      wamid,
      type,
      payload: message as Prisma.InputJsonValue,
    },
  });
  const webhookStatus = await deliverWebhook(
    webhookBody({
      wabaId: channel.wabaId,
      phoneNumberId,
      displayPhoneNumber: channel.displayPhoneNumber,
      value: { contacts: [{ profile: { name }, wa_id: waId }], messages: [message] },
    }),
  );
  return { wamid, webhookStatus };
}

export async function customerThread({ phoneNumberId, waId }: { phoneNumberId: string; waId: string }): Promise<SimulatedMessage[]> {
  const rows = await db.simulatorMessage.findMany({
    where: { phoneNumberId, customerWaId: waId },
    orderBy: { createdAt: "asc" },
    take: 500,
  });
  const t = translator(await ambientLocale());
  return rows.map((row) => ({
    id: row.wamid,
    direction: row.direction,
    type: row.type,
    text: describe(row.type, row.payload as Record<string, unknown>, t),
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    ...(row.direction === "OUTBOUND" ? outboundView(row.type, row.payload as Record<string, unknown>) : {}),
  }));
}

export async function customers({ phoneNumberId }: { phoneNumberId: string }) {
  const rows = await db.simulatorMessage.groupBy({
    by: ["customerWaId"],
    where: { phoneNumberId },
    _max: { createdAt: true, customerName: true },
    orderBy: { _max: { createdAt: "desc" } },
    take: 50,
  });
  return rows.map((row) => ({ waId: row.customerWaId, name: row._max.customerName ?? null }));
}

// What the phone shows for a message: its text as written, else a line in the reader's language.
function describe(type: string, payload: Record<string, unknown>, t: Translate): string {
  const part = payload[type] as Record<string, unknown> | undefined;
  if (type === "text") return String(part?.body ?? "");
  if (type === "template") return t("simulator.thread.template", { name: String(part?.name ?? "") });
  return describeCustomerMessage(type, payload, t) ?? (typeof part?.caption === "string" ? part.caption : `[${type}]`);
}
