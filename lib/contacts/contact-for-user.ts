import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { phrase } from "@/lib/i18n/phrase";

/** The contact if `userId` belongs to its inbox; otherwise NOT_FOUND (membership is in the query). */
export async function contactForUser({ contactId, userId }: { contactId: string; userId: string }) {
  const contact = await db.contact.findFirst({
    where: { id: contactId, channel: { inbox: { members: { some: { userId } } } } },
    include: {
      channel: {
        select: { id: true, kind: true, phoneNumberId: true, displayPhoneNumber: true, pageName: true, inbox: { select: { name: true } } },
      },
    },
  });
  if (!contact) throw new AppError("NOT_FOUND", phrase("errors.noSuchContact"));
  return contact;
}
