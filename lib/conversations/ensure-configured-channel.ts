import "server-only";
import { config } from "@/lib/config";
import { db } from "@/lib/db/client";
import { graphRequest } from "@/lib/whatsapp/graph-client";

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
  const channel = await db.channel.upsert({
    where: { phoneNumberId },
    update: {},
    create: { phoneNumberId, wabaId, ...details },
    select: { id: true, name: true },
  });
  const admins = await db.user.findMany({ where: { role: "ADMIN", active: true }, select: { id: true } });
  await db.channelMember.createMany({ data: admins.map((admin) => ({ channelId: channel.id, userId: admin.id })), skipDuplicates: true });
  log(`created the inbox "${channel.name}" for WhatsApp number ${phoneNumberId}`);
}

// The number's name and display form as Meta has them; the inbox still opens if Meta can't be asked.
async function numberDetails(phoneNumberId: string, log: (line: string) => void) {
  try {
    const number = await graphRequest<{ display_phone_number?: string; verified_name?: string }>({
      method: "GET",
      path: `${phoneNumberId}?fields=display_phone_number,verified_name`,
    });
    return { name: number.verified_name || "WhatsApp", displayPhoneNumber: (number.display_phone_number ?? "").replace(/\D/g, "") };
  } catch (error) {
    log(
      `could not read WhatsApp number ${phoneNumberId} from the Graph API (${(error as Error).message}); its inbox is named "WhatsApp" until then`,
    );
    return { name: "WhatsApp", displayPhoneNumber: "" };
  }
}
