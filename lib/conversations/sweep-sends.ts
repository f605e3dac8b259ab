import "server-only";
import { db, Prisma } from "@/lib/db/client";
import { enqueueSend, liveSendJob } from "@/lib/jobs/queue";
import { messageUpdated } from "@/lib/realtime/build-events";
import { publish } from "@/lib/realtime/publish";
import { sweepDecision } from "./send-state";
import { messageInclude } from "./serializers";
import type { MessageStatus } from "./status";

// At most this many messages per sweep; the next sweep takes the rest.
const BATCH = 100;

/**
 * One pass of the send sweeper (send-state.ts decides): messages QUEUED for at least `queuedAgeMs`
 * without a live send job (lost in a crash between their commit and their job) get a new job, and
 * messages SENDING for longer than `graceMs` without an answer or a receipt become UNCONFIRMED, for
 * an agent to resend or discard. Several instances may sweep at once: rows are locked and skipped.
 */
export async function sweepSends({ graceMs, queuedAgeMs, now = new Date() }: { graceMs: number; queuedAgeMs: number; now?: Date }) {
  const cutoff = new Date(now.getTime() - Math.min(graceMs, queuedAgeMs));
  const { requeued, unconfirmed } = await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<
      { id: string; status: MessageStatus; pendingSince: Date; liveJob: boolean; openDeadLetter: boolean }[]
    >(Prisma.sql`
      SELECT m.id, m.status::text AS status, m."pendingSince",
        ${liveSendJob(Prisma.sql`m.id`)} AS "liveJob",
        EXISTS (SELECT 1 FROM "DeadLetter" d WHERE d."messageId" = m.id AND d."retriedAt" IS NULL) AS "openDeadLetter"
      FROM "Message" m
      WHERE m."pendingSince" < ${cutoff} AND m.status IN ('QUEUED', 'SENDING')
      ORDER BY m."pendingSince"
      LIMIT ${BATCH}
      FOR UPDATE OF m SKIP LOCKED`);
    const requeued: string[] = [];
    const unconfirmed: string[] = [];
    for (const row of rows) {
      const decision = sweepDecision({ ...row, now, graceMs, queuedAgeMs });
      if (decision === "requeue") {
        await tx.message.update({ where: { id: row.id }, data: { pendingSince: now } });
        await enqueueSend({ messageId: row.id, tx });
        requeued.push(row.id);
      } else if (decision === "unconfirm") {
        await tx.message.update({ where: { id: row.id }, data: { status: "UNCONFIRMED", pendingSince: null } });
        unconfirmed.push(row.id);
      }
    }
    return { requeued, unconfirmed };
  });
  if (requeued.length)
    console.log(`[send] queued again ${requeued.length} message(s) that had lost their send job: ${requeued.join(", ")}`);
  if (unconfirmed.length) {
    console.warn(`[send] ${unconfirmed.length} message(s) got no answer nor receipt in time: not confirmed: ${unconfirmed.join(", ")}`);
    const messages = await db.message.findMany({ where: { id: { in: unconfirmed } }, include: messageInclude });
    publish(...messages.map(messageUpdated));
  }
  return { requeued: requeued.length, unconfirmed: unconfirmed.length };
}
