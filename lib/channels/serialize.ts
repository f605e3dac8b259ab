import "server-only";
import type { Prisma } from "@/lib/db/client";

// A channel as the API shows it: never a secret, only whether each is set and since when.

export const channelSelect = {
  id: true,
  kind: true,
  source: true,
  phoneNumberId: true,
  displayPhoneNumber: true,
  wabaId: true,
  pageId: true,
  pageName: true,
  humanAgentEnabled: true,
  qualityRating: true,
  messagingLimit: true,
  nameStatus: true,
  encryptedAccessToken: true,
  encryptedAppSecret: true,
  encryptedVerifyToken: true,
  secretsChangedAt: true,
  disabledAt: true,
  createdAt: true,
  inbox: { select: { id: true, name: true, _count: { select: { members: true } } } },
} satisfies Prisma.ChannelSelect;

type ChannelRecord = Prisma.ChannelGetPayload<{ select: typeof channelSelect }>;

export type SecretState = { set: boolean; changedAt: string | null };

export type ChannelDto = {
  id: string;
  type: "whatsapp" | "messenger";
  name: string;
  inboxId: string | null;
  members: number;
  /** "config": the WHATSAPP_* (or MESSENGER_*) settings' channel and credentials; "app": added here. */
  source: "config" | "app";
  /** A WhatsApp number's ids; null for a Page. */
  phoneNumberId: string | null;
  displayPhoneNumber: string | null;
  wabaId: string | null;
  /** A Facebook Page's id and name; null for a number. */
  pageId: string | null;
  pageName: string | null;
  /** A Page marked as having Meta's Human Agent permission (HUMAN_AGENT replies up to 7 days). */
  humanAgent: boolean;
  health: { qualityRating: string | null; messagingLimit: string | null; nameStatus: string | null };
  /** Null for a channel from the configuration: its secrets live in the environment. */
  secrets: { accessToken: SecretState; appSecret: SecretState; verifyToken: SecretState } | null;
  disabledAt: string | null;
  createdAt: string;
};

export function toChannelDto(channel: ChannelRecord): ChannelDto {
  const changedAt = channel.secretsChangedAt?.toISOString() ?? null;
  const state = (value: string | null): SecretState => ({ set: value !== null, changedAt: value ? changedAt : null });
  return {
    id: channel.id,
    type: channel.kind === "MESSENGER" ? "messenger" : "whatsapp",
    name: channel.inbox?.name ?? channel.pageName ?? `+${channel.displayPhoneNumber}`,
    inboxId: channel.inbox?.id ?? null,
    members: channel.inbox?._count.members ?? 0,
    source: channel.source === "APP" ? "app" : "config",
    phoneNumberId: channel.phoneNumberId,
    displayPhoneNumber: channel.displayPhoneNumber,
    wabaId: channel.wabaId,
    pageId: channel.pageId,
    pageName: channel.pageName,
    humanAgent: channel.humanAgentEnabled,
    health: { qualityRating: channel.qualityRating, messagingLimit: channel.messagingLimit, nameStatus: channel.nameStatus },
    secrets:
      channel.source === "APP"
        ? {
            accessToken: state(channel.encryptedAccessToken),
            appSecret: state(channel.encryptedAppSecret),
            verifyToken: state(channel.encryptedVerifyToken),
          }
        : null,
    disabledAt: channel.disabledAt?.toISOString() ?? null,
    createdAt: channel.createdAt.toISOString(),
  };
}
