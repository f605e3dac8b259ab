import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { purgeExpiredRecords } from "@/lib/retention/purge-expired-records";
import { customerWritesIn, testChannel, uniqueTag } from "./factories";

// Retention: processed webhook bodies and status receipts go after RETENTION_DAYS, in batches;
// recent ones, failed bodies awaiting replay, and messages stay.

afterAll(() => disconnectDb());

const DAY = 24 * 60 * 60 * 1000;

describe("purging expired records", () => {
  it("removes old processed webhook bodies and receipts, keeps recent ones and failed bodies", async () => {
    const tag = uniqueTag();
    const channel = await testChannel();
    const ago = (days: number) => new Date(Date.now() - days * DAY);
    const webhook = (state: "PROCESSED" | "FAILED", days: number, index: number) => ({
      id: `retention-${tag}-${state}-${days}-${index}`,
      payload: { object: "whatsapp_business_account", entry: [] },
      state,
      receivedAt: ago(days),
      processedAt: state === "PROCESSED" ? ago(days) : null,
    });
    // Five old processed bodies, so a batch size of two takes three rounds.
    const oldProcessed = [0, 1, 2, 3, 4].map((index) => webhook("PROCESSED", 91, index));
    const recentProcessed = webhook("PROCESSED", 89, 0);
    const oldFailed = webhook("FAILED", 200, 0);
    await db.webhookEvent.createMany({ data: [...oldProcessed, recentProcessed, oldFailed] });

    // Receipts: old ones (applied long ago, or waiting for a wamid that never came) and one that
    // arrived yesterday for a wamid the inbox does not know yet, which must keep waiting.
    const receipt = (days: number, index: number) => ({
      id: randomUUID(),
      channelId: channel.id,
      externalId: `wamid.retention-${tag}-${days}-${index}`,
      status: "delivered",
      timestamp: ago(days),
      payload: { id: `wamid.retention-${tag}-${days}-${index}`, status: "delivered" },
      createdAt: ago(days),
    });
    const oldReceipts = [0, 1, 2].map((index) => receipt(120, index));
    const waiting = receipt(1, 0);
    await db.messageStatusEvent.createMany({ data: [...oldReceipts, waiting] });

    const result = await purgeExpiredRecords({ retentionDays: 90, batchSize: 2 });

    expect(result.webhookEvents).toBeGreaterThanOrEqual(oldProcessed.length);
    expect(result.statusEvents).toBeGreaterThanOrEqual(oldReceipts.length);
    expect(result.unprocessedKept).toBeGreaterThanOrEqual(1);
    const webhooksLeft = await db.webhookEvent.findMany({ where: { id: { startsWith: `retention-${tag}` } }, select: { id: true } });
    expect(webhooksLeft.map((row) => row.id).sort()).toEqual([oldFailed.id, recentProcessed.id].sort());
    const receiptsLeft = await db.messageStatusEvent.findMany({
      where: { externalId: { startsWith: `wamid.retention-${tag}` } },
      select: { id: true },
    });
    expect(receiptsLeft).toEqual([{ id: waiting.id }]);
  });

  it("keeps messages, however old", async () => {
    const { inboundWamid } = await customerWritesIn();
    const longAgo = new Date(Date.now() - 400 * DAY);
    const message = await db.message.findFirstOrThrow({ where: { externalId: inboundWamid } });
    await db.message.update({ where: { id: message.id }, data: { createdAt: longAgo, timestamp: longAgo } });
    await purgeExpiredRecords({ retentionDays: 90 });
    expect(await db.message.findUnique({ where: { id: message.id } })).not.toBeNull();
  });
});
