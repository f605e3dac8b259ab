import "server-only";
import { displayName } from "@/lib/conversations/serializers";
import { db } from "@/lib/db/client";
import { contactForUser } from "./contact-for-user";

// The same person on other channels: the contacts an agent linked to this one (one Person behind
// them), each with its conversations — only those in inboxes the user belongs to, as everywhere.

export type LinkedContactDto = {
  id: string;
  displayName: string;
  channel: { kind: "whatsapp" | "messenger"; name: string };
  waId: string | null;
  psid: string | null;
  conversations: { id: string; status: string; lastMessageAt: string; lastMessagePreview: string | null }[];
};

const memberChannel = (userId: string) => ({ channel: { inbox: { members: { some: { userId } } } } });

export async function linkedContacts({
  contact,
  userId,
}: {
  contact: { id: string; personId: string | null };
  userId: string;
}): Promise<LinkedContactDto[]> {
  if (!contact.personId) return [];
  const others = await db.contact.findMany({
    where: { personId: contact.personId, id: { not: contact.id }, ...memberChannel(userId) },
    include: {
      channel: { select: { kind: true, pageName: true, displayPhoneNumber: true, inbox: { select: { name: true } } } },
      conversations: {
        orderBy: { lastMessageAt: "desc" },
        take: 10,
        select: { id: true, status: true, lastMessageAt: true, lastMessagePreview: true },
      },
    },
    orderBy: { createdAt: "asc" },
  });
  return others.map((other) => ({
    id: other.id,
    displayName: displayName(other),
    channel: {
      kind: other.channel.kind === "MESSENGER" ? "messenger" : "whatsapp",
      name: other.channel.inbox?.name ?? other.channel.pageName ?? `+${other.channel.displayPhoneNumber ?? ""}`,
    },
    waId: other.waId,
    psid: other.psid,
    conversations: other.conversations.map((c) => ({ ...c, lastMessageAt: c.lastMessageAt.toISOString() })),
  }));
}

export type LinkCandidateDto = {
  id: string;
  displayName: string;
  channel: { kind: "whatsapp" | "messenger"; name: string };
  waId: string | null;
  psid: string | null;
};

/** Contacts on the user's other channels whose name, number or PSID contains `q`: who this customer may also be. */
export async function linkCandidates({
  contactId,
  userId,
  q,
}: {
  contactId: string;
  userId: string;
  q: string;
}): Promise<LinkCandidateDto[]> {
  const contact = await contactForUser({ contactId, userId });
  if (!q.trim()) return [];
  const text = q.trim();
  const rows = await db.contact.findMany({
    where: {
      channelId: { not: contact.channelId },
      ...memberChannel(userId),
      ...(contact.personId ? { OR: [{ personId: null }, { personId: { not: contact.personId } }] } : {}),
      AND: [
        {
          OR: [
            { name: { contains: text, mode: "insensitive" } },
            { waId: { contains: text.replace(/^\+/, "") } },
            { psid: { contains: text } },
          ],
        },
      ],
    },
    include: { channel: { select: { kind: true, pageName: true, displayPhoneNumber: true, inbox: { select: { name: true } } } } },
    orderBy: { updatedAt: "desc" },
    take: 10,
  });
  return rows.map((row) => ({
    id: row.id,
    displayName: displayName(row),
    channel: {
      kind: row.channel.kind === "MESSENGER" ? "messenger" : "whatsapp",
      name: row.channel.inbox?.name ?? row.channel.pageName ?? `+${row.channel.displayPhoneNumber ?? ""}`,
    },
    waId: row.waId,
    psid: row.psid,
  }));
}
