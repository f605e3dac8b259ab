import { afterAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { describeMetaError } from "@/lib/whatsapp/error-messages";
import { fixture } from "../support/http";
import { customerWritesIn, deliver, outboundMessage, uniqueTag } from "./factories";

// The receipt and preference fixtures the other suites don't post: a failure in words, a voice
// note played, a group receipt, the callback data echoed on "sent", and a marketing sign-up.

afterAll(() => disconnectDb());

type StatusBody = { entry: { changes: { value: { statuses: Record<string, unknown>[] } }[] }[] };

async function receiptFor(name: string) {
  const { conversation } = await customerWritesIn();
  const wamid = `wamid.fixture-${uniqueTag()}`;
  const message = await outboundMessage({ conversationId: conversation.id, channelId: conversation.contact.channelId, externalId: wamid });
  const body = fixture(name) as StatusBody;
  for (const status of body.entry[0].changes[0].value.statuses) status.id = wamid;
  const outcome = await deliver(body);
  return { outcome, message: await db.message.findUniqueOrThrow({ where: { id: message.id } }) };
}

describe("receipt fixtures", () => {
  it("wa-status-failed-130472: failed, with Meta's code and a sentence an agent understands", async () => {
    const { outcome, message } = await receiptFor("wa-status-failed-130472.json");
    expect(outcome.state).toBe("PROCESSED");
    expect(message).toMatchObject({ status: "FAILED", errorCode: 130472 });
    expect(message.failedAt).not.toBeNull();
    expect(describeMetaError({ code: message.errorCode, title: message.errorTitle })).toContain("marketing experiment");
  });

  it("wa-status-played-cbp: a voice note played counts as read and keeps its own time", async () => {
    const { message } = await receiptFor("wa-status-played-cbp.json");
    expect(message.status).toBe("PLAYED");
    expect(message.playedAt?.toISOString()).toBe("2023-07-15T00:20:58.000Z");
    expect(message).toMatchObject({ pricingModel: "CBP", pricingCategory: "service", metaConversationOrigin: "service" });
  });

  it("wa-status-sent-biz-opaque-callback-data: sent, with the Meta conversation's expiry", async () => {
    const { message } = await receiptFor("wa-status-sent-biz-opaque-callback-data.json");
    expect(message.status).toBe("SENT");
    expect(message.metaConversationExpiresAt?.toISOString()).toBe("2023-10-26T17:05:00.000Z");
  });

  it("wa-status-read-group: a group receipt is kept and applied to its message", async () => {
    const { outcome, message } = await receiptFor("wa-status-read-group.json");
    expect(outcome.state).toBe("PROCESSED");
    expect(message.status).toBe("READ");
    expect(await db.messageStatusEvent.count({ where: { externalId: message.externalId!, status: "read" } })).toBe(1);
  });
});

describe("wa-user-preferences-signup", () => {
  it("records the sign-up as consent to marketing, in the audit trail", async () => {
    const waId = `4477${String(Date.now()).slice(-8)}`;
    const body = fixture("wa-user-preferences-signup.json") as {
      entry: { changes: { value: { user_preferences: Record<string, unknown>[] } }[] }[];
    };
    body.entry[0].changes[0].value.user_preferences[0].wa_id = waId;
    const outcome = await deliver(body);
    expect(outcome.state).toBe("PROCESSED");
    const contact = await db.contact.findFirstOrThrow({ where: { waId } });
    expect(contact.marketingOptOut).toBe(false);
    const events = await db.auditEvent.findMany({ where: { targetId: contact.id } });
    expect(events.map((event) => [event.action, event.reason])).toEqual([["contact.marketing_signup", "User signed up via signup link"]]);
  });
});
