import { describe, expect, it } from "vitest";
import { inboundConversationChanges } from "@/lib/conversations/inbound-conversation-changes";

// What a customer's message does to its conversation: unread, waiting, snooze, window, preview.

const t = (hour: number) => new Date(Date.UTC(2026, 0, 1, hour));
const base = { status: "OPEN" as const, lastInboundAt: t(8), waitingSince: null, lastMessageAt: t(9), referralAt: null };
const text = { type: "text", at: t(10), preview: "Hello", referral: null };

describe("inboundConversationChanges", () => {
  it.each([
    [
      "a new text: unread, open, waiting, newest",
      base,
      false,
      text,
      {
        unreadCount: { increment: 1 },
        status: "OPEN",
        lastInboundAt: t(10),
        waitingSince: t(10),
        lastMessageAt: t(10),
        lastMessagePreview: "Hello",
      },
    ],
    [
      "a resolved conversation stays resolved but counts unread",
      { ...base, status: "RESOLVED" as const },
      false,
      text,
      {
        unreadCount: { increment: 1 },
        status: undefined,
        lastInboundAt: t(10),
        waitingSince: t(10),
        lastMessageAt: t(10),
        lastMessagePreview: "Hello",
      },
    ],
    [
      "a snoozed one reopens and its snooze ends",
      { ...base, status: "SNOOZED" as const },
      false,
      text,
      {
        unreadCount: { increment: 1 },
        status: "OPEN",
        lastInboundAt: t(10),
        waitingSince: t(10),
        snoozedUntil: null,
        lastMessageAt: t(10),
        lastMessagePreview: "Hello",
      },
    ],
    [
      "an already waiting customer keeps their first unanswered time",
      { ...base, waitingSince: t(7) },
      false,
      text,
      { unreadCount: { increment: 1 }, status: "OPEN", lastInboundAt: t(10), lastMessageAt: t(10), lastMessagePreview: "Hello" },
    ],
    ["a system notice changes nothing", base, false, { ...text, type: "system" }, {}],
    [
      "a stray reaction is unread and newest but opens no window and does not wait",
      base,
      false,
      { ...text, type: "reaction", preview: "Reacted 👍" },
      { unreadCount: { increment: 1 }, status: "OPEN", lastMessageAt: t(10), lastMessagePreview: "Reacted 👍" },
    ],
    [
      "a late message is not the newest and does not move the window back",
      { ...base, lastInboundAt: t(11), lastMessageAt: t(11), waitingSince: t(11) },
      false,
      text,
      { unreadCount: { increment: 1 }, status: "OPEN" },
    ],
    [
      "a late message still leads a conversation it created",
      { ...base, lastInboundAt: null, lastMessageAt: t(11) },
      true,
      text,
      {
        unreadCount: { increment: 1 },
        status: "OPEN",
        lastInboundAt: t(10),
        waitingSince: t(10),
        lastMessageAt: t(10),
        lastMessagePreview: "Hello",
      },
    ],
    [
      "an ad referral newer than the stored one replaces it",
      { ...base, referralAt: t(9), waitingSince: t(9) },
      false,
      { ...text, referral: { headline: "Sale" } },
      {
        unreadCount: { increment: 1 },
        status: "OPEN",
        lastInboundAt: t(10),
        lastMessageAt: t(10),
        lastMessagePreview: "Hello",
        referral: { headline: "Sale" },
        referralAt: t(10),
      },
    ],
    [
      "an older referral is ignored",
      { ...base, referralAt: t(11), waitingSince: t(9) },
      false,
      { ...text, referral: { headline: "Old" } },
      { unreadCount: { increment: 1 }, status: "OPEN", lastInboundAt: t(10), lastMessageAt: t(10), lastMessagePreview: "Hello" },
    ],
  ])("%s", (_label, conversation, created, message, expected) => {
    expect(inboundConversationChanges({ conversation, created, message })).toEqual(expected);
  });
});
