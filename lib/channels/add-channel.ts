import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { phrase } from "@/lib/i18n/phrase";
import { enqueueTemplateSync } from "@/lib/jobs/queue";
import { encryptSecret } from "@/lib/secrets/encryption";
import { whatsappTransport } from "@/lib/whatsapp/transport";
import { addPage } from "./add-page";
import type { AddChannelInput, AddNumberInput } from "./schemas";
import { channelSelect, toChannelDto, type ChannelDto } from "./serialize";

/** Connects a WhatsApp number or a Facebook Page an admin added in Settings → Channels. */
export async function addChannel({ input, actor }: { input: AddChannelInput; actor: { id: string; name: string } }): Promise<ChannelDto> {
  return input.type === "messenger" ? addPage({ input, actor }) : addNumber({ input, actor });
}

/**
 * Connects a WhatsApp number: its credentials are checked against the Graph API (GET
 * /{phone-number-id} must answer) before anything is saved, then stored encrypted. The number
 * becomes an inbox, with every active admin as a member; its templates are fetched at once.
 */
async function addNumber({ input, actor }: { input: AddNumberInput; actor: { id: string; name: string } }): Promise<ChannelDto> {
  if (await db.channel.findUnique({ where: { phoneNumberId: input.phoneNumberId }, select: { id: true } })) {
    throw new AppError("CONFLICT", phrase("errors.numberConnected"), [
      { path: "phoneNumberId", message: phrase("errors.alreadyConnected") },
    ]);
  }
  const details = await whatsappTransport.describeNumber({ phoneNumberId: input.phoneNumberId, accessToken: input.accessToken });
  if ("error" in details) throw new AppError("UNPROCESSABLE", details.error, [{ path: "accessToken", message: details.error }]);

  const channel = await db.$transaction(async (tx) => {
    const admins = await tx.user.findMany({ where: { role: "ADMIN", active: true }, select: { id: true } });
    const created = await tx.channel.create({
      data: {
        source: "APP",
        phoneNumberId: input.phoneNumberId,
        wabaId: input.wabaId,
        displayPhoneNumber: details.displayPhoneNumber,
        encryptedAccessToken: encryptSecret(input.accessToken),
        encryptedAppSecret: encryptSecret(input.appSecret),
        encryptedVerifyToken: encryptSecret(input.verifyToken),
        secretsChangedAt: new Date(),
        inbox: { create: { name: input.name, members: { create: admins.map((admin) => ({ userId: admin.id })) } } },
      },
      select: channelSelect,
    });
    await recordAudit(
      {
        actor: { id: actor.id, label: actor.name },
        action: "channel.added",
        target: { type: "channel", id: created.id },
        // Which secrets were set, never their values.
        after: {
          name: input.name,
          phoneNumberId: input.phoneNumberId,
          wabaId: input.wabaId,
          displayPhoneNumber: details.displayPhoneNumber,
          verifiedName: details.name,
          secrets: ["accessToken", "appSecret", "verifyToken"],
        },
      },
      tx,
    );
    return created;
  });
  await enqueueTemplateSync({ channelId: channel.id }).catch((error) =>
    console.error("[channels] could not queue the template sync", error),
  );
  return toChannelDto(channel);
}
