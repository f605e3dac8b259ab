import "server-only";
import { createHash } from "node:crypto";
import { conversationInclude } from "@/lib/conversations/serializers";
import { db } from "@/lib/db/client";
import { mediaKey, mediaStorage } from "@/lib/media/storage";
import { messengerTransport } from "@/lib/messenger/transport";
import { conversationUpdated } from "@/lib/realtime/build-events";
import { publish } from "@/lib/realtime/publish";

/**
 * The job behind a new Messenger customer: their name and profile picture from the User Profile
 * API, when the Page may read them. The picture's address expires, so it is stored like a file they
 * sent. A name an agent already gave is kept. Without permission the contact stays nameless and the
 * inbox calls them "Messenger user …1234". Their open conversations learn the change at once.
 */
export async function refreshMessengerProfile({ contactId }: { contactId: string }): Promise<void> {
  const contact = await db.contact.findUnique({ where: { id: contactId }, include: { channel: { select: { kind: true, pageId: true } } } });
  if (!contact?.psid || contact.channel.kind !== "MESSENGER" || !contact.channel.pageId) return;
  const profile = await messengerTransport.describeCustomer({ pageId: contact.channel.pageId, psid: contact.psid });
  if (!profile) return;

  let avatarMediaId: string | null = null;
  const picture = profile.pictureUrl ? await messengerTransport.downloadPicture({ url: profile.pictureUrl }) : null;
  if (picture) {
    const media = await db.media.create({
      data: {
        channelId: contact.channelId,
        mimeType: picture.mimeType,
        fileName: "profile-picture",
        size: picture.bytes.byteLength,
        sha256: createHash("sha256").update(picture.bytes).digest("base64"),
      },
    });
    const storageKey = mediaKey({ channelId: contact.channelId, mediaId: media.id });
    await mediaStorage().put(storageKey, picture.bytes);
    await db.media.update({ where: { id: media.id }, data: { state: "STORED", storageKey } });
    avatarMediaId = media.id;
  }
  const name = contact.name ? undefined : (profile.name ?? undefined);
  if (name === undefined && !avatarMediaId) return;
  await db.contact.update({ where: { id: contactId }, data: { ...(name ? { name } : {}), ...(avatarMediaId ? { avatarMediaId } : {}) } });
  const conversations = await db.conversation.findMany({ where: { contactId, status: { not: "RESOLVED" } }, include: conversationInclude });
  publish(...conversations.map(conversationUpdated));
}
