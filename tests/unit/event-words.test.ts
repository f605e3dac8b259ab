import { describe, expect, it } from "vitest";
import { notificationText } from "@/components/inbox/notification-text";
import { activityText } from "@/lib/conversations/activity";
import { eventFormats } from "@/lib/i18n/event-formats";
import type { Translate } from "@/lib/i18n/phrase";
import { translator } from "@/lib/i18n/translator";
import type { Locale } from "@/lib/i18n/locales";
import { alertKind, alertText } from "@/lib/whatsapp/account-alerts";

// Stored events in words: the English is what Switchboard wrote before events were stored, and
// every other language says something else, with the names and values kept.

const words = (locale: Locale, timeZone = "UTC") => ({ t: translator(locale) as Translate, formats: eventFormats(locale, timeZone) });
const en = words("en");

describe("activity lines", () => {
  it.each([
    [{ kind: "resolved", params: { actor: "Alex Agent" } }, "Alex Agent resolved the conversation"],
    [{ kind: "assigned", params: { actor: "Alex Agent", assignee: "Sam Support" } }, "Alex Agent assigned the conversation to Sam Support"],
    [{ kind: "teamAssigned", params: { actor: "Alex", team: "Billing" } }, "Alex assigned the conversation to team Billing"],
    [{ kind: "snoozeEnded", params: {} }, "Snooze ended: the conversation is open again"],
    [{ kind: "autoAssigned", params: { assignee: "Sam" } }, "Assigned to Sam automatically"],
    [{ kind: "handoverPassed", params: { app: null, metadata: null } }, "The conversation was passed to Switchboard"],
    [{ kind: "handoverTaken", params: { app: "42", metadata: "hi" } }, "Another app of the Page (app 42) took over the conversation (hi)"],
    [
      { kind: "standbyMessage", params: { text: null, attachment: "image" } },
      "While another app had the conversation, the customer wrote: “[image]”",
    ],
    [{ kind: "standbyPostback", params: { title: null } }, "While another app had the conversation, the customer tapped “a button”"],
    [{ kind: "text", params: { text: "Kept as written" } }, "Kept as written"],
  ])("%o", (activity, sentence) => {
    expect(activityText(activity, en.t, en.formats)).toBe(sentence);
  });

  it("shows a snooze's end in the reader's language and time zone", () => {
    const activity = { kind: "snoozed", params: { actor: "Alex", until: "2026-11-30T09:30:00.000Z" } };
    expect(activityText(activity, en.t, en.formats)).toBe("Alex snoozed the conversation until Nov 30, 2026, 9:30 AM");
    const hindi = words("hi", "Asia/Kolkata");
    const line = activityText(activity, hindi.t, hindi.formats);
    expect(line).toContain("Alex");
    expect(line).toContain("3:00");
    expect(line).not.toContain("snoozed the conversation");
  });
});

describe("notifications", () => {
  it("words each kind, and an automatic assignment without an actor", () => {
    expect(notificationText({ kind: "assigned", params: { actor: "Alex", customer: "+4915112345678" } }, en.t, en.formats)).toBe(
      "Alex assigned you the conversation with +4915112345678",
    );
    expect(notificationText({ kind: "assigned", params: { actor: null, customer: null } }, en.t, en.formats)).toBe(
      "A new conversation was assigned to you",
    );
    expect(
      notificationText({ kind: "mention", params: { actor: "Alex", customer: "Jonas", excerpt: "@Sam look" } }, en.t, en.formats),
    ).toBe("Alex mentioned you on Jonas: @Sam look");
    const channel = {
      kind: "channel",
      params: {
        channel: "Main",
        alert: {
          field: "phone_number_name_update",
          kind: "name_approved",
          payload: { decision: "APPROVED", requested_verified_name: "Northwind" },
        },
      },
    };
    expect(notificationText(channel, en.t, en.formats)).toBe('Main: Display name "Northwind" was approved.');
    const bengali = words("bn");
    expect(notificationText(channel, bengali.t, bengali.formats)).toMatch(/^Main: .*Northwind/);
    expect(notificationText(channel, bengali.t, bengali.formats)).not.toContain("was approved");
  });
});

describe("channel alerts", () => {
  it.each([
    [
      "phone_number_quality_update",
      { event: "DOWNGRADE", display_phone_number: "+1 555 0100", current_limit: "TIER_1K" },
      "quality_downgrade",
      "The messaging limit of +1 555 0100 went down to 1,000 customers a day.",
    ],
    [
      "phone_number_name_update",
      { decision: "REJECTED", requested_verified_name: "BEST DEALS!!!", rejection_reason: "NONE" },
      "name_rejected",
      'Display name "BEST DEALS!!!" was rejected.',
    ],
    [
      "message_template_status_update",
      { event: "LIMIT_EXCEEDED", message_template_name: "promo", message_template_language: "en", reason: "NONE" },
      "template_limit_exceeded",
      'Template "promo" (en) was limit exceeded.',
    ],
    [
      "business_capability_update",
      { max_daily_conversation_per_phone: 1000, max_phone_numbers_per_business: 2 },
      "capability_update",
      "The account's capabilities changed: up to 1000 business-initiated conversations a day per number, up to 2 phone numbers.",
    ],
    ["account_update", { event: "PARTNER_ADDED" }, "partner_added", "WhatsApp account update: Partner added."],
  ])("%s %o", (field, payload, kind, sentence) => {
    expect(alertKind(field, payload)).toBe(kind);
    expect(alertText({ field, kind, payload }, en.t, en.formats)).toBe(sentence);
  });

  it("words Switchboard's own entries from who did what, and in other languages", () => {
    const alert = { field: "switchboard", kind: "name_requested", payload: { actor: "Alex Admin", name: "Northwind Home" } };
    expect(alertText(alert, en.t, en.formats)).toBe('Alex Admin asked Meta to review the display name "Northwind Home".');
    const telugu = words("te");
    expect(alertText(alert, telugu.t, telugu.formats)).toContain("Northwind Home");
    expect(alertText(alert, telugu.t, telugu.formats)).not.toContain("asked Meta");
  });
});
