import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { phrase } from "@/lib/i18n/phrase";
import { messageCreated } from "@/lib/realtime/build-events";
import { publish, type Publication } from "@/lib/realtime/publish";
import { findConversationForUser } from "./find-conversation";
import { notify } from "./notify";
import { displayName, messageInclude } from "./serializers";
import type { MessageDto } from "./types";

export const MAX_NOTE_LENGTH = 4096;

/**
 * A private note for the team: stored in the thread, never sent to WhatsApp. Colleagues mentioned
 * as @Name (or picked in the composer, `mentions`) are notified.
 */
export async function addNote({
  conversationId,
  text,
  mentions = [],
  actor,
}: {
  conversationId: string;
  text: string;
  mentions?: string[];
  actor: { id: string; name: string };
}): Promise<MessageDto> {
  const body = text.trim();
  if (!body) throw new AppError("INVALID_INPUT", phrase("errors.noteEmpty"));
  if (body.length > MAX_NOTE_LENGTH) throw new AppError("INVALID_INPUT", phrase("errors.noteTooLong", { max: MAX_NOTE_LENGTH }));
  const conversation = await findConversationForUser({ conversationId, userId: actor.id });

  const members = await db.inboxMember.findMany({
    where: { inboxId: conversation.inboxId },
    select: { user: { select: { id: true, name: true } } },
  });
  const mentioned = members
    .map((member) => member.user)
    .filter((user) => user.id !== actor.id && (mentions.includes(user.id) || mentionsName(body, user.name)));

  const { message, publications } = await db.$transaction(async (tx) => {
    const message = await tx.message.create({
      data: {
        id: randomUUID(),
        channelId: conversation.contact.channelId,
        conversationId,
        senderId: actor.id,
        direction: "OUTBOUND",
        type: "note",
        text: body,
        content: { mentions: mentioned },
        status: "RECEIVED",
        private: true,
      },
      include: messageInclude,
    });
    const customer = displayName(conversation.contact);
    const publications: Publication[] = [];
    for (const user of mentioned) {
      publications.push(
        await notify({
          tx,
          userId: user.id,
          kind: "mention",
          params: { actor: actor.name, customer, excerpt: body.slice(0, 140) },
          conversationId,
          messageId: message.id,
        }),
      );
    }
    return { message, publications };
  });

  const created = messageCreated(message);
  publish(created, ...publications);
  return created.payload;
}

/** "@Sam" or "@Sam Support" anywhere in the text, not inside a word. */
export function mentionsName(text: string, name: string): boolean {
  const escape = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const first = name.split(/\s+/)[0];
  const pattern = new RegExp(`(^|[^\\w@])@(${escape(name)}|${escape(first)})(?![\\w])`, "i");
  return !!first && pattern.test(text);
}
