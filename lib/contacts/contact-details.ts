import "server-only";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { contactForUser } from "./contact-for-user";

export type ContactDetailsDto = {
  id: string;
  name: string | null;
  waId: string | null;
  bsuid: string | null;
  username: string | null;
  language: string | null;
  marketingOptOut: boolean;
  marketingOptOutAt: string | null;
  blockedAt: string | null;
  spamAt: string | null;
  attributes: Record<string, string>;
  notes: string | null;
  conversations: { id: string; status: string; lastMessageAt: string; lastMessagePreview: string | null }[];
  history: { action: string; actor: string; reason: string | null; at: string }[];
};

/** Everything the contact panel shows: identity, consent and trust state, earlier conversations, audit history. */
export async function contactDetails({ contactId, userId }: { contactId: string; userId: string }): Promise<ContactDetailsDto> {
  const contact = await contactForUser({ contactId, userId });
  const [conversations, history] = await Promise.all([
    db.conversation.findMany({
      where: { contactId },
      orderBy: { lastMessageAt: "desc" },
      take: 20,
      select: { id: true, status: true, lastMessageAt: true, lastMessagePreview: true },
    }),
    db.auditEvent.findMany({ where: { targetType: "contact", targetId: contactId }, orderBy: { seq: "desc" }, take: 20 }),
  ]);
  return {
    id: contact.id,
    name: contact.name,
    waId: contact.waId,
    bsuid: contact.bsuid,
    username: contact.username,
    language: contact.language,
    marketingOptOut: contact.marketingOptOut,
    marketingOptOutAt: contact.marketingOptOutAt?.toISOString() ?? null,
    blockedAt: contact.blockedAt?.toISOString() ?? null,
    spamAt: contact.spamAt?.toISOString() ?? null,
    attributes: isStringRecord(contact.attributes) ? contact.attributes : {},
    notes: contact.notes,
    conversations: conversations.map((c) => ({ ...c, lastMessageAt: c.lastMessageAt.toISOString() })),
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
