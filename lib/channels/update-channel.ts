import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db, type Prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { phrase } from "@/lib/i18n/phrase";
import { encryptSecret } from "@/lib/secrets/encryption";
import { messengerTransport } from "@/lib/messenger/transport";
import { whatsappTransport } from "@/lib/whatsapp/transport";
import { forgetCredentials } from "./credentials";
import { forgetPageCredentials } from "./page-credentials";
import type { UpdateChannelInput } from "./schemas";
import { channelSelect, toChannelDto, type ChannelDto } from "./serialize";

const secretFields = ["accessToken", "appSecret", "verifyToken"] as const;

/**
 * Renames a channel's inbox, replaces credentials (a new access token is checked against the
 * Graph API first), disables and enables it, or marks a Page as having Meta's Human Agent
 * permission. A channel from the configuration keeps its credentials in WHATSAPP_* (MESSENGER_*);
 * only its name, state and the Page's mark change here. Audited: which secrets changed, never
 * their values.
 */
export async function updateChannel({
  channelId,
  input,
  actor,
}: {
  channelId: string;
  input: UpdateChannelInput;
  actor: { id: string; name: string };
}): Promise<ChannelDto> {
  const channel = await db.channel.findUnique({ where: { id: channelId }, select: channelSelect });
  if (!channel) throw new AppError("NOT_FOUND", phrase("errors.noSuchChannel"));
  const changedSecrets = secretFields.filter((field) => input[field] !== undefined);
  const page = channel.kind === "MESSENGER";
  if (channel.source === "CONFIG" && (changedSecrets.length || input.wabaId !== undefined)) {
    throw new AppError("UNPROCESSABLE", phrase(page ? "errors.pageFromConfig" : "errors.channelFromConfig"));
  }
  if (page && input.wabaId !== undefined) throw new AppError("UNPROCESSABLE", phrase("errors.pageHasNoWaba"));
  if (!page && input.humanAgent !== undefined) {
    throw new AppError("UNPROCESSABLE", phrase("errors.humanAgentIsMessengers"));
  }
  if (input.accessToken) {
    const details = page
      ? await messengerTransport.describePage({ pageId: channel.pageId!, accessToken: input.accessToken })
      : await whatsappTransport.describeNumber({ phoneNumberId: channel.phoneNumberId!, accessToken: input.accessToken });
    if ("error" in details) throw new AppError("UNPROCESSABLE", details.error, [{ path: "accessToken", message: details.error }]);
  }

  const data: Prisma.ChannelUpdateInput = {};
  if (input.wabaId !== undefined) data.wabaId = input.wabaId;
  if (input.accessToken) data.encryptedAccessToken = encryptSecret(input.accessToken);
  if (input.appSecret) data.encryptedAppSecret = encryptSecret(input.appSecret);
  if (input.verifyToken) data.encryptedVerifyToken = encryptSecret(input.verifyToken);
  if (changedSecrets.length) data.secretsChangedAt = new Date();
  if (input.disabled !== undefined && input.disabled !== (channel.disabledAt !== null))
    data.disabledAt = input.disabled ? new Date() : null;
  if (input.name !== undefined && channel.inbox && input.name !== channel.inbox.name) data.inbox = { update: { name: input.name } };
  if (input.humanAgent !== undefined && input.humanAgent !== channel.humanAgentEnabled) data.humanAgentEnabled = input.humanAgent;

  const before = {
    name: channel.inbox?.name ?? null,
    wabaId: channel.wabaId,
    disabled: channel.disabledAt !== null,
    ...(page ? { humanAgent: channel.humanAgentEnabled } : {}),
  };
  const after = {
    name: input.name ?? before.name,
    wabaId: input.wabaId ?? before.wabaId,
    disabled: input.disabled ?? before.disabled,
    ...(page ? { humanAgent: input.humanAgent ?? channel.humanAgentEnabled } : {}),
  };
  const onlyState = Object.keys(data).length === 1 && "disabledAt" in data;
  const updated = await db.$transaction(async (tx) => {
    const row = await tx.channel.update({ where: { id: channelId }, data, select: channelSelect });
    if (Object.keys(data).length) {
      await recordAudit(
        {
          actor: { id: actor.id, label: actor.name },
          action: onlyState ? (after.disabled ? "channel.disabled" : "channel.enabled") : "channel.updated",
          target: { type: "channel", id: channelId },
          before,
          after: { ...after, ...(changedSecrets.length ? { secretsReplaced: changedSecrets } : {}) },
        },
        tx,
      );
    }
    return row;
  });
  if (channel.phoneNumberId) forgetCredentials(channel.phoneNumberId);
  if (channel.pageId) forgetPageCredentials(channel.pageId);
  return toChannelDto(updated);
}
