import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { displayName } from "@/lib/conversations/serializers";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { phrase } from "@/lib/i18n/phrase";
import { contactDetails, type ContactDetailsDto } from "./contact-details";
import { contactForUser } from "./contact-for-user";

/**
 * An agent says two contacts on different channels are the same person (the customer who writes on
 * WhatsApp and on Messenger): both end up behind one Person, with everyone else already linked to
 * either. Both must be in the agent's inboxes. Audited on the contact acted from.
 */
export async function linkContacts({
  contactId,
  otherId,
  actor,
}: {
  contactId: string;
  otherId: string;
  actor: { id: string; name: string };
}): Promise<ContactDetailsDto> {
  if (contactId === otherId)
    throw new AppError("INVALID_INPUT", phrase("errors.sameContact"), [
      { path: "contactId", message: phrase("errors.fieldPickAnotherContact") },
    ]);
  const contact = await contactForUser({ contactId, userId: actor.id });
  const other = await contactForUser({ contactId: otherId, userId: actor.id }).catch(() => {
    throw new AppError("UNPROCESSABLE", phrase("errors.noSuchContact"), [
      { path: "contactId", message: phrase("errors.fieldUnknownContact") },
    ]);
  });
  if (other.channelId === contact.channelId) {
    throw new AppError("UNPROCESSABLE", phrase("errors.sameChannelContacts"), [
      { path: "contactId", message: phrase("errors.fieldSameChannel") },
    ]);
  }
  await db.$transaction(async (tx) => {
    const personId = contact.personId ?? other.personId ?? (await tx.person.create({ data: {} })).id;
    // Whoever was already linked to either contact comes along.
    const merged = [contact.personId, other.personId].filter((id): id is string => !!id && id !== personId);
    await tx.contact.updateMany({
      where: { OR: [{ id: { in: [contact.id, other.id] } }, { personId: { in: merged } }] },
      data: { personId },
    });
    if (merged.length) await tx.person.deleteMany({ where: { id: { in: merged } } });
    await recordAudit(
      {
        actor: { id: actor.id, label: actor.name },
        action: "contact.linked",
        target: { type: "contact", id: contact.id },
        after: { sameAs: { id: other.id, name: displayName(other) } },
      },
      tx,
    );
  });
  return contactDetails({ contactId, userId: actor.id });
}

/** The contact is no longer linked to anyone; the others stay linked to each other. */
export async function unlinkContact({
  contactId,
  actor,
}: {
  contactId: string;
  actor: { id: string; name: string };
}): Promise<ContactDetailsDto> {
  const contact = await contactForUser({ contactId, userId: actor.id });
  if (!contact.personId) return contactDetails({ contactId, userId: actor.id });
  const personId = contact.personId;
  await db.$transaction(async (tx) => {
    await tx.contact.update({ where: { id: contact.id }, data: { personId: null } });
    // A person left with one contact is no longer a link.
    const left = await tx.contact.findMany({ where: { personId }, select: { id: true } });
    if (left.length <= 1) {
      await tx.contact.updateMany({ where: { personId }, data: { personId: null } });
      await tx.person.delete({ where: { id: personId } });
    }
    await recordAudit(
      { actor: { id: actor.id, label: actor.name }, action: "contact.unlinked", target: { type: "contact", id: contact.id } },
      tx,
    );
  });
  return contactDetails({ contactId, userId: actor.id });
}
