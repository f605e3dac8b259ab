import type { Contact, Prisma } from "@/lib/db/client";

type Tx = Prisma.TransactionClient;

/**
 * A system message of type user_changed_number: the customer moved to a new number. The contact
 * keeps its id (and so its conversations and history) and takes the new wa_id. Meta issues a new
 * business-scoped user id with a new number, so the old one is dropped and the next message's id is
 * adopted. If another contact already holds the new number, both are left as they are: merging two
 * customers is a decision for a person, and the notice in the thread tells them.
 */
export async function changeContactNumber({
  tx,
  contact,
  newWaId,
}: {
  tx: Tx;
  contact: Contact;
  newWaId: string | undefined;
}): Promise<{ contact: Contact; changed: boolean }> {
  if (!newWaId || newWaId === contact.waId) return { contact, changed: false };
  const holder = await tx.contact.findUnique({ where: { channelId_waId: { channelId: contact.channelId, waId: newWaId } } });
  if (holder && holder.id !== contact.id) return { contact, changed: false };
  const updated = await tx.contact.update({ where: { id: contact.id }, data: { waId: newWaId, bsuid: null } });
  return { contact: updated, changed: true };
}
