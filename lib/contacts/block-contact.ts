import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { phrase } from "@/lib/i18n/phrase";
import { whatsappTransport } from "@/lib/whatsapp/transport";
import { contactForUser } from "./contact-for-user";

/** Trust-and-safety actions say why: the reason goes into the audit trail. */
export const reasonSchema = z.object({ reason: z.string().trim().min(3, { error: "errors.sayWhy" }).max(500) }).strict();

export type BlockOutcome = { blocked: boolean; atMeta: boolean; notice: string | null };

/**
 * Blocks (or unblocks) a customer: through Meta's Block Users API, and in Switchboard in any case,
 * so their chats are refused here even when Meta says no (it explains why). Audited with the reason.
 */
export async function setContactBlocked({
  contactId,
  blocked,
  reason,
  actor,
}: {
  contactId: string;
  blocked: boolean;
  reason: string;
  actor: { id: string; name: string };
}): Promise<BlockOutcome> {
  const contact = await contactForUser({ contactId, userId: actor.id });
  if (contact.channel.kind === "MESSENGER" || !contact.channel.phoneNumberId) {
    throw new AppError("UNPROCESSABLE", phrase("errors.messengerNoBlock"));
  }
  if (!contact.waId) throw new AppError("UNPROCESSABLE", phrase("errors.noPhoneToBlock"));

  const meta = await whatsappTransport.setBlocked({ phoneNumberId: contact.channel.phoneNumberId, waId: contact.waId, blocked });
  if (meta.outcome === "unreachable") throw new AppError("UPSTREAM", phrase("errors.whatsappUnreachable"));
  if (meta.outcome === "refused" && meta.ownNumber) throw new AppError("UNPROCESSABLE", phrase("errors.blockOwnNumber"));
  const notice = meta.outcome === "refused" ? meta.notice : null;

  await db.$transaction(async (tx) => {
    await tx.contact.update({ where: { id: contact.id }, data: { blockedAt: blocked ? new Date() : null } });
    await recordAudit(
      {
        actor: { id: actor.id, label: actor.name },
        action: blocked ? "contact.blocked" : "contact.unblocked",
        target: { type: "contact", id: contact.id },
        reason,
        before: { blocked: !!contact.blockedAt },
        after: { blocked, atMeta: !notice, ...(notice ? { notice } : {}) },
      },
      tx,
    );
  });
  return { blocked, atMeta: !notice, notice };
}

/** Marks (or clears) a customer as spam; audited with the reason. */
export async function setContactSpam({
  contactId,
  spam,
  reason,
  actor,
}: {
  contactId: string;
  spam: boolean;
  reason: string;
  actor: { id: string; name: string };
}): Promise<void> {
  const contact = await contactForUser({ contactId, userId: actor.id });
  await db.$transaction(async (tx) => {
    await tx.contact.update({ where: { id: contact.id }, data: { spamAt: spam ? new Date() : null } });
    await recordAudit(
      {
        actor: { id: actor.id, label: actor.name },
        action: spam ? "contact.marked_spam" : "contact.unmarked_spam",
        target: { type: "contact", id: contact.id },
        reason,
        before: { spam: !!contact.spamAt },
        after: { spam },
      },
      tx,
    );
  });
}
