import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { GraphError, graphRequest } from "@/lib/whatsapp/graph-client";
import { describeMetaError } from "@/lib/whatsapp/error-messages";
import { contactForUser } from "./contact-for-user";

type FailedUser = { input?: string; errors?: { code?: number; message?: string; error_data?: { details?: string } }[] };
type BlockAnswer = { block_users?: { failed_users?: FailedUser[] } };

/** Trust-and-safety actions say why: the reason goes into the audit trail. */
export const reasonSchema = z.object({ reason: z.string().trim().min(3, { error: "Say why, in a few words." }).max(500) }).strict();

export type BlockOutcome = { blocked: boolean; atMeta: boolean; notice: string | null };

const sentences: Record<number, string> = {
  131047: "WhatsApp only lets you block customers who wrote in the last 24 hours, so they are blocked in Switchboard only.",
  139101: "Your WhatsApp block list is full (64,000 numbers), so they are blocked in Switchboard only.",
  131021: "That is your own business number.",
};

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
  if (!contact.waId) throw new AppError("UNPROCESSABLE", "This customer has no phone number to block (only a username).");

  let atMeta = true;
  let notice: string | null = null;
  try {
    await graphRequest<BlockAnswer>({
      method: blocked ? "POST" : "DELETE",
      path: `${contact.channel.phoneNumberId}/block_users`,
      body: { messaging_product: "whatsapp", block_users: [{ user: `+${contact.waId}` }] },
    });
  } catch (error) {
    if (!(error instanceof GraphError)) throw error;
    const failure = (error.body as BlockAnswer | null)?.block_users?.failed_users?.[0]?.errors?.[0];
    const code = failure?.code ?? error.code;
    if (error.retryable && !failure) throw new AppError("UPSTREAM", "WhatsApp could not be reached. Try again in a moment.");
    atMeta = false;
    notice =
      (code != null && sentences[code]) || `WhatsApp refused: ${describeMetaError({ code, title: failure?.message ?? error.message })}`;
    if (code === 131021) throw new AppError("UNPROCESSABLE", notice);
  }

  await db.$transaction(async (tx) => {
    await tx.contact.update({ where: { id: contact.id }, data: { blockedAt: blocked ? new Date() : null } });
    await recordAudit(
      {
        actor: { id: actor.id, label: actor.name },
        action: blocked ? "contact.blocked" : "contact.unblocked",
        target: { type: "contact", id: contact.id },
        reason,
        before: { blocked: !!contact.blockedAt },
        after: { blocked, atMeta, ...(notice ? { notice } : {}) },
      },
      tx,
    );
  });
  return { blocked, atMeta, notice };
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
