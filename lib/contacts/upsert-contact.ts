import type { Contact, Prisma } from "@/lib/db/client";

type Tx = Prisma.TransactionClient;

/**
 * The contact a message came from. Keyed by the business-scoped user id when Meta sends one, else
 * by wa_id; on Messenger by the Page-scoped id (PSID). A contact first seen by number gains its
 * BSUID when one arrives, so the history stays together. `created` tells a contact seen for the
 * first time.
 */
export async function upsertContact({
  tx,
  channelId,
  waId,
  bsuid,
  psid = null,
  name,
  username,
}: {
  tx: Tx;
  channelId: string;
  waId: string | null;
  bsuid: string | null;
  psid?: string | null;
  name: string | null;
  username: string | null;
}): Promise<Contact & { created?: true }> {
  const existing =
    (psid ? await tx.contact.findUnique({ where: { channelId_psid: { channelId, psid } } }) : null) ??
    (bsuid ? await tx.contact.findUnique({ where: { channelId_bsuid: { channelId, bsuid } } }) : null) ??
    (waId ? await tx.contact.findUnique({ where: { channelId_waId: { channelId, waId } } }) : null);
  if (!existing) {
    const contact = await tx.contact.create({ data: { channelId, waId, bsuid, psid, name, username } });
    return { ...contact, created: true };
  }

  const changes = contactChanges(existing, { waId, bsuid, name, username });
  if (Object.keys(changes).length === 0) return existing;
  return tx.contact.update({ where: { id: existing.id }, data: changes });
}

type CustomerKeys = { waId: string | null; bsuid: string | null; name: string | null; username: string | null };

/** What a message's sender details change on a known contact: a new name or username, and an id it lacked. Pure. */
export function contactChanges(existing: CustomerKeys, { waId, bsuid, name, username }: CustomerKeys): Prisma.ContactUpdateInput {
  const changes: Prisma.ContactUpdateInput = {};
  if (name && name !== existing.name) changes.name = name;
  if (username && username !== existing.username) changes.username = username;
  if (bsuid && !existing.bsuid) changes.bsuid = bsuid;
  if (waId && !existing.waId) changes.waId = waId;
  return changes;
}
