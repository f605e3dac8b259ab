import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { phrase } from "@/lib/i18n/phrase";
import { messengerTransport } from "@/lib/messenger/transport";
import { encryptSecret } from "@/lib/secrets/encryption";
import type { AddPageInput } from "./schemas";
import { channelSelect, toChannelDto, type ChannelDto } from "./serialize";

/**
 * Connects a Facebook Page an admin added: its page access token is checked against the Graph API
 * (GET /{page-id} must answer) before anything is saved; the token, app secret and verify token are
 * then stored encrypted, as a number's are. The Page becomes an inbox with every active admin as a
 * member. Audited: which secrets were set, never their values.
 */
export async function addPage({ input, actor }: { input: AddPageInput; actor: { id: string; name: string } }): Promise<ChannelDto> {
  if (await db.channel.findUnique({ where: { pageId: input.pageId }, select: { id: true } })) {
    throw new AppError("CONFLICT", phrase("errors.pageAlreadyConnected"), [{ path: "pageId", message: phrase("errors.alreadyConnected") }]);
  }
  const page = await messengerTransport.describePage({ pageId: input.pageId, accessToken: input.accessToken });
  if ("error" in page) throw new AppError("UNPROCESSABLE", page.error, [{ path: "accessToken", message: page.error }]);

  const channel = await db.$transaction(async (tx) => {
    const admins = await tx.user.findMany({ where: { role: "ADMIN", active: true }, select: { id: true } });
    const created = await tx.channel.create({
      data: {
        kind: "MESSENGER",
        source: "APP",
        pageId: input.pageId,
        pageName: page.name,
        humanAgentEnabled: input.humanAgent ?? false,
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
        after: {
          name: input.name,
          pageId: input.pageId,
          pageName: page.name,
          humanAgent: input.humanAgent ?? false,
          secrets: ["accessToken", "appSecret", "verifyToken"],
        },
      },
      tx,
    );
    return created;
  });
  return toChannelDto(channel);
}
