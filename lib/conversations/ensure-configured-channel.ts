import "server-only";
import { config } from "@/lib/config";
import { db } from "@/lib/db/client";
import { whatsappTransport } from "@/lib/whatsapp/transport";

// The WhatsApp number named in the configuration (WHATSAPP_PHONE_NUMBER_ID) is an inbox from the
// first start, demo or not, so a fresh production install can receive messages before anyone has
// configured anything in the app. Admins are members of it from the start.

const SIMULATOR_DISPLAY_NUMBER = "15550100200";

export async function ensureConfiguredChannel({ log = console.log } = {}): Promise<void> {
  const { phoneNumberId, wabaId, mode } = config().whatsapp;
  if (await db.channel.findUnique({ where: { phoneNumberId }, select: { id: true } })) return;
  const details =
    mode === "cloud"
      ? await numberDetails(phoneNumberId, log)
      : { name: "WhatsApp (simulator)", displayPhoneNumber: SIMULATOR_DISPLAY_NUMBER };
  const { name, displayPhoneNumber } = details;
  const channel = await db.channel.upsert({
    where: { phoneNumberId },
    update: {},
    create: { phoneNumberId, wabaId, displayPhoneNumber, inbox: { create: { name } } },
    select: { inbox: { select: { id: true, name: true } } },
  });
  const inbox = channel.inbox!;
  const admins = await db.user.findMany({ where: { role: "ADMIN", active: true }, select: { id: true } });
  await db.inboxMember.createMany({ data: admins.map((admin) => ({ inboxId: inbox.id, userId: admin.id })), skipDuplicates: true });
  log(`created the inbox "${inbox.name}" for WhatsApp number ${phoneNumberId}`);
}

// The number's name and display form as Meta has them; the inbox still opens if Meta can't be asked.
async function numberDetails(phoneNumberId: string, log: (line: string) => void) {
  const details = await whatsappTransport.describeNumber({ phoneNumberId });
  if (!("error" in details)) return details;
  log(`could not read WhatsApp number ${phoneNumberId} from the Graph API (${details.error}); its inbox is named "WhatsApp" until then`);
  return { name: "WhatsApp", displayPhoneNumber: "" };
}
