import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config/schema";
import { checkMessengerPolicy } from "@/lib/conversations/send-policy";
import { messengerWindow } from "@/lib/conversations/window";
import { AppError } from "@/lib/errors";
import { allMessages } from "@/lib/i18n/messages";
import {
  describeMessengerError,
  HUMAN_AGENT_REFUSED,
  messengerErrorKey,
  messengerErrorSentences,
  OUTSIDE_WINDOW,
} from "@/lib/messenger/error-messages";
import { readPageEvents } from "@/lib/messenger/read-events";
import { sendApiPayload } from "@/lib/messenger/send-payload";
import { translateActivity, translatePostback, translateReaction, translateReferral } from "@/lib/messenger/translate-events";
import { translateCustomerMessage, translateEcho } from "@/lib/messenger/translate-message";
import { pageEnvelope } from "@/lib/messenger/webhook-schema";
import { inEnglish } from "../support/in-english";

// Messenger's pure rules: its windows and who may send what, Meta's errors as sentences, the Send
// API body, and Meta's printed webhook examples (tests/fixtures/messenger) in the inbox's terms.

const HOUR = 3_600_000;
const now = new Date("2026-06-01T12:00:00Z");
const ago = (hours: number) => new Date(now.getTime() - hours * HOUR);

describe("messengerWindow", () => {
  it.each([
    [1, "open"],
    [23.9, "open"],
    [24, "human_agent"],
    [30, "human_agent"],
    [7 * 24 - 0.1, "human_agent"],
    [7 * 24, "closed"],
    [30 * 24, "closed"],
  ])("%s h after the customer wrote: %s", (hours, state) => {
    expect(messengerWindow({ lastInboundAt: ago(hours), now }).state).toBe(state);
  });

  it("is closed before the customer ever wrote", () => {
    expect(messengerWindow({ lastInboundAt: null, now })).toEqual({ state: "closed", expiresAt: null, humanAgentExpiresAt: null });
  });
});

describe("checkMessengerPolicy", () => {
  const contact = { blockedAt: null };
  const refusal = (run: () => unknown): AppError => {
    try {
      run();
    } catch (error) {
      if (error instanceof AppError) return error;
      throw error;
    }
    throw new Error("expected a refusal");
  };
  const page = (humanAgentEnabled: boolean) => ({ disabledAt: null, humanAgentEnabled });
  const policy = (window: "open" | "human_agent" | "closed", humanAgentTag: boolean, humanAgentEnabled: boolean) => () =>
    checkMessengerPolicy({ window, humanAgentTag, contact, channel: page(humanAgentEnabled) });

  it.each([
    ["open", false, false, { type: "RESPONSE" }],
    ["open", true, true, { type: "RESPONSE" }],
    ["human_agent", true, true, { type: "MESSAGE_TAG", tag: "HUMAN_AGENT" }],
  ] as const)("in the %s window (tag %s, Page marked %s) sends %o", (window, tag, marked, expected) => {
    expect(policy(window, tag, marked)()).toEqual(expected);
  });

  it.each([
    ["human_agent", true, false, /isn't marked/],
    ["human_agent", false, false, /isn't marked/],
    ["human_agent", false, true, /human agent reply/],
    ["closed", true, true, /7 days/],
  ] as const)("refuses the %s window with tag %s and Page marked %s", (window, tag, marked, message) => {
    expect(inEnglish(refusal(policy(window, tag, marked)))).toMatch(message);
  });

  it("refuses a disabled Page and a blocked customer first", () => {
    expect(
      inEnglish(
        refusal(() =>
          checkMessengerPolicy({ window: "open", humanAgentTag: false, contact, channel: { disabledAt: now, humanAgentEnabled: true } }),
        ),
      ),
    ).toMatch(/disabled/);
    expect(
      inEnglish(
        refusal(() => checkMessengerPolicy({ window: "open", humanAgentTag: false, contact: { blockedAt: now }, channel: page(true) })),
      ),
    ).toMatch(/blocked/);
  });
});

describe("Messenger's error sentences in the reader's language", () => {
  it("words every stored sentence from its key, the English message being the sentence itself", () => {
    for (const { key, sentence } of messengerErrorSentences) {
      expect(allMessages.en.metaErrors.messenger[key]).toBe(sentence);
      expect(messengerErrorKey(sentence)).toBe(key);
      expect(allMessages.hi.metaErrors.messenger[key]).not.toBe(sentence);
    }
    expect(Object.keys(allMessages.en.metaErrors.messenger).sort()).toEqual(
      [...new Set(messengerErrorSentences.map((entry) => entry.key))].sort(),
    );
  });

  it("leaves Meta's own words alone", () => {
    expect(messengerErrorKey("(#100) Some new refusal from Meta")).toBeNull();
    expect(messengerErrorKey(null)).toBeNull();
  });
});

describe("describeMessengerError", () => {
  it.each([
    [{ code: 10, subcode: 2018278 }, OUTSIDE_WINDOW],
    [{ code: 10, subcode: 2018278, tagged: true }, OUTSIDE_WINDOW],
    [{ code: 200, tagged: true }, HUMAN_AGENT_REFUSED],
    [{ code: 551, subcode: 1545041 }, expect.stringMatching(/isn't available/)],
    [{ code: 190 }, expect.stringMatching(/access token/)],
    [{ code: 613 }, expect.stringMatching(/rate limit/)],
    [{ code: 4 }, expect.stringMatching(/rate limit/)],
    [{ code: 100, subcode: 2018001 }, expect.stringMatching(/no such customer/)],
    [{ code: 999999, title: "Something new" }, "Something new"],
  ])("%o", (error, sentence) => {
    expect(describeMessengerError(error)).toEqual(sentence);
  });
});

describe("sendApiPayload", () => {
  const base = { id: "msg-1", text: null as string | null };
  it("sends text with quick replies and our id as metadata, as a response", () => {
    const content = { text: { body: "Which?" }, quickReplies: [{ title: "Oak", payload: "OAK" }], messaging: { type: "RESPONSE" } };
    expect(sendApiPayload({ message: { ...base, type: "text", text: "Which?", content }, psid: "123" })).toEqual({
      recipient: { id: "123" },
      messaging_type: "RESPONSE",
      message: { text: "Which?", quick_replies: [{ content_type: "text", title: "Oak", payload: "OAK" }], metadata: "switchboard:msg-1" },
    });
  });
  it("sends a file by its attachment id, tagged HUMAN_AGENT when the agent confirmed", () => {
    const content = { document: { id: "att-9" }, messaging: { type: "MESSAGE_TAG", tag: "HUMAN_AGENT" } };
    expect(sendApiPayload({ message: { ...base, type: "document", content }, psid: "123" })).toEqual({
      recipient: { id: "123" },
      messaging_type: "MESSAGE_TAG",
      tag: "HUMAN_AGENT",
      message: { attachment: { type: "file", payload: { attachment_id: "att-9" } }, metadata: "switchboard:msg-1" },
    });
  });
});

const fixture = (name: string) =>
  pageEnvelope.parse(JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../fixtures/messenger", name), "utf8")));

describe("Meta's webhook examples in the inbox's terms", () => {
  it("reads the sender as the customer, and the recipient for the Page's own echoes", () => {
    const [message] = readPageEvents(fixture("message-text-quick-reply.json")).events;
    expect(message).toMatchObject({ kind: "message", psid: "<PSID>", pageId: "<PAGE_ID>", at: new Date(1458692752478) });
    const [echo] = readPageEvents(fixture("echo-text.json")).events;
    expect(echo).toMatchObject({ kind: "echo", psid: "<PSID>" });
    const [standby] = readPageEvents(fixture("standby-message.json")).events;
    expect(standby).toMatchObject({ kind: "message", standby: true });
    const [delivery] = readPageEvents(fixture("delivery.json")).events;
    expect(delivery).toMatchObject({ kind: "delivery", at: new Date(1458668856253) });
  });

  it("names an event that is not Meta's shape, and keeps the others", () => {
    const body = fixture("message-text-quick-reply.json");
    (body.entry[0]!.messaging as unknown[]).push({ sender: {}, recipient: { id: "1" }, message: { text: "no mid" } });
    const { events, problems } = readPageEvents(body);
    expect(events).toHaveLength(1);
    expect(problems[0]).toMatch(/entry\[0\]\.messaging\[1\]/);
  });

  it("turns a text with a quick reply, each attachment type and a link share into messages", () => {
    const message = (name: string) => readPageEvents(fixture(name)).events[0]!.event.message!;
    const at = now;
    expect(translateCustomerMessage({ message: message("message-text-quick-reply.json"), at })[0]).toMatchObject({
      type: "text",
      text: "hello, world!",
      content: { quickReply: { payload: "<DEVELOPER_DEFINED_PAYLOAD>" } },
    });
    expect(translateCustomerMessage({ message: message("message-reply-to.json"), at })[0]!.quotedExternalId).toBe(
      "m_1fTq8oLumEyIp3Q2MR-aY7IfLZDamVrALniheU",
    );
    for (const [name, type] of [
      ["message-attachment-image.json", "image"],
      ["message-attachment-video.json", "video"],
      ["message-attachment-audio.json", "audio"],
      ["message-attachment-file.json", "document"],
      ["message-attachment-sticker.json", "sticker"],
      ["message-attachment-reel.json", "video"],
      ["message-attachment-ig-reel.json", "video"],
    ]) {
      const [part] = translateCustomerMessage({ message: message(name!), at });
      expect(part, name).toMatchObject({ type, media: { externalMediaId: expect.stringMatching(/^<.*_URL>$/), failure: null } });
    }
    const [link] = translateCustomerMessage({ message: message("message-attachment-fallback.json"), at });
    expect(link).toMatchObject({ type: "link", text: "<TITLE_OF_THE_URL_ATTACHMENT>", media: null });
  });

  it("gives each of several attachments a message of its own", () => {
    const message = readPageEvents(fixture("message-attachment-image.json")).events[0]!.event.message!;
    const two = { ...message, attachments: [...message.attachments!, ...message.attachments!] };
    expect(translateCustomerMessage({ message: two, at: now }).map((part) => part.externalId)).toEqual([message.mid, `${message.mid}#2`]);
  });

  it("keeps where an echo was written", () => {
    const message = readPageEvents(fixture("echo-text.json")).events[0]!.event.message!;
    expect(translateEcho({ message, at: now })[0]).toMatchObject({ origin: "app:1517776481860111", text: "hello, world!" });
    expect(translateEcho({ message: { ...message, app_id: "26390203743090" }, at: now })[0]!.origin).toBe("page_inbox");
  });

  it("turns postbacks, referrals, reactions and handovers into their inbox shapes", () => {
    const only = (name: string) => readPageEvents(fixture(name)).events[0]!;
    const postback = translatePostback({ event: only("postback.json").event.postback!, at: now, psid: "p" });
    expect(postback).toMatchObject({ type: "postback", text: "TITLE-FOR-THE-CTA", referral: { ref: "USER-DEFINED-REFERRAL-PARAM" } });
    const ad = translateReferral({ referral: only("referral-ad.json").event.referral!, at: now, psid: "p" });
    expect(ad).toMatchObject({ type: "referral", referral: { source_type: "ad", headline: "<TITLE_OF_THE_AD>", ad_id: "<ID_OF_THE_AD>" } });
    const link = translateReferral({ referral: only("referral-shortlink.json").event.referral!, at: now, psid: "p" });
    expect(link.text).toBe("Opened the conversation from an m.me link (ref <REF_DATA_PASSED_IN_M.ME_PARAM>)");
    expect(translateReaction({ event: only("reaction-react.json").event.reaction!, at: now, psid: "p" }).change).toEqual({
      kind: "reaction",
      targetExternalId: "<MID_OF_ReactedTo_Message>",
      emoji: "❤️",
    });
    expect(translateReaction({ event: only("reaction-unreact.json").event.reaction!, at: now, psid: "p" }).change).toMatchObject({
      emoji: "",
    });
    expect(translateActivity(only("handover-take-thread-control.json"))?.activity).toMatchObject({ kind: "handoverTaken" });
    expect(translateActivity(only("standby-message.json"))?.activity).toEqual({
      kind: "standbyMessage",
      params: { text: "hello, world!", attachment: null },
    });
  });
});

describe("MESSENGER_* settings", () => {
  const cloud = {
    NODE_ENV: "development",
    WHATSAPP_MODE: "cloud",
    WHATSAPP_APP_SECRET: "s",
    WHATSAPP_VERIFY_TOKEN: "v",
    WHATSAPP_PHONE_NUMBER_ID: "1",
    WHATSAPP_WABA_ID: "2",
    WHATSAPP_ACCESS_TOKEN: "t",
  };
  const page = { MESSENGER_PAGE_ID: "123456", MESSENGER_PAGE_ACCESS_TOKEN: "p", MESSENGER_APP_SECRET: "a", MESSENGER_VERIFY_TOKEN: "w" };

  it("configures no Page in cloud mode without them, and the simulator's Page in simulator mode", () => {
    const none = parseConfig(cloud);
    expect(none.ok && none.config.messenger).toBeNull();
    const simulator = parseConfig({ NODE_ENV: "development" });
    expect(simulator.ok && simulator.config.messenger?.pageId).toBe("400000000000001");
  });

  it("takes all four, and refuses a Page named without its secrets", () => {
    const full = parseConfig({ ...cloud, ...page });
    expect(full.ok && full.config.messenger).toMatchObject({ pageId: "123456", appSecret: "a", pageAccessToken: "p", verifyToken: "w" });
    const partial = parseConfig({ ...cloud, MESSENGER_PAGE_ID: "123456" });
    expect(partial.ok).toBe(false);
    expect(!partial.ok && partial.problems.join(" ")).toMatch(
      /MESSENGER_PAGE_ACCESS_TOKEN, MESSENGER_APP_SECRET, MESSENGER_VERIFY_TOKEN are required/,
    );
  });
});
