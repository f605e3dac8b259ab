import "server-only";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { displayName } from "@/lib/conversations/serializers";
import { contactForUser } from "./contact-for-user";
import { linkedContacts, type LinkedContactDto } from "./linked-contacts";

export type ContactDetailsDto = {
  id: string;
  name: string | null;
  displayName: string;
  /** The channel the customer writes on: a WhatsApp number or a Facebook Page. */
  channel: { kind: "whatsapp" | "messenger"; name: string };
  waId: string | null;
  bsuid: string | null;
  psid: string | null;
  avatarMediaId: string | null;
  username: string | null;
  language: string | null;
  marketingOptOut: boolean;
  marketingOptOutAt: string | null;
  blockedAt: string | null;
  spamAt: string | null;
  attributes: Record<string, string>;
  notes: string | null;
  conversations: { id: string; status: string; lastMessageAt: string; lastMessagePreview: string | null }[];
  /** The same person's contacts on the other channels (linked by an agent), with their conversations. */
  linked: LinkedContactDto[];
  history: { action: string; actor: string; reason: string | null; at: string }[];
};

/** Everything the contact panel shows: identity, consent and trust state, earlier conversations, audit history. */
export async function contactDetails({ contactId, userId }: { contactId: string; userId: string }): Promise<ContactDetailsDto> {
  const contact = await contactForUser({ contactId, userId });
  const [conversations, history, linked] = await Promise.all([
    db.conversation.findMany({
      where: { contactId },
      orderBy: { lastMessageAt: "desc" },
      take: 20,
      select: { id: true, status: true, lastMessageAt: true, lastMessagePreview: true },
    }),
    db.auditEvent.findMany({ where: { targetType: "contact", targetId: contactId }, orderBy: { seq: "desc" }, take: 20 }),
    linkedContacts({ contact, userId }),
  ]);
  return {
    id: contact.id,
    name: contact.name,
    displayName: displayName(contact),
    channel: {
      kind: contact.channel.kind === "MESSENGER" ? "messenger" : "whatsapp",
      name: contact.channel.inbox?.name ?? contact.channel.pageName ?? `+${contact.channel.displayPhoneNumber ?? ""}`,
    },
    waId: contact.waId,
    bsuid: contact.bsuid,
    psid: contact.psid,
    avatarMediaId: contact.avatarMediaId,
    username: contact.username,
    language: contact.language,
    marketingOptOut: contact.marketingOptOut,
    marketingOptOutAt: contact.marketingOptOutAt?.toISOString() ?? null,
    blockedAt: contact.blockedAt?.toISOString() ?? null,
    spamAt: contact.spamAt?.toISOString() ?? null,
    attributes: isStringRecord(contact.attributes) ? contact.attributes : {},
    notes: contact.notes,
    conversations: conversations.map((c) => ({ ...c, lastMessageAt: c.lastMessageAt.toISOString() })),
    linked,
    history: history.map((event) => ({
      action: event.action,
      actor: event.actorLabel,
      reason: event.reason,
      at: event.createdAt.toISOString(),
    })),
  };
}

export async function updateContact({
  contactId,
  actor,
  changes,
}: {
  contactId: string;
  actor: { id: string; name: string };
  changes: { name?: string | null; language?: string | null; attributes?: Record<string, string>; notes?: string | null };
}): Promise<ContactDetailsDto> {
  const contact = await contactForUser({ contactId, userId: actor.id });
  await db.$transaction(async (tx) => {
    await tx.contact.update({ where: { id: contactId }, data: changes });
    if (changes.name !== undefined && changes.name !== contact.name) {
      await recordAudit(
        {
          actor: { id: actor.id, label: actor.name },
          action: "contact.renamed",
          target: { type: "contact", id: contactId },
          before: { name: contact.name },
          after: { name: changes.name },
        },
        tx,
      );
    }
  });
  return contactDetails({ contactId, userId: actor.id });
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return !!value && typeof value === "object" && !Array.isArray(value) && Object.values(value).every((v) => typeof v === "string");
}
