import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MessageContent } from "@/components/inbox/message-content";
import { splitLinks } from "@/components/inbox/message/linkified-text";
import { noticeText } from "@/components/inbox/message/notices";
import { ReactionsRow } from "@/components/inbox/message/reactions-row";
import { ReferralCard } from "@/components/inbox/message/referral-card";
import type { MessageDto } from "@/lib/conversations/types";
import { humanizeKey } from "@/lib/whatsapp/flow-response";
import { inboundContent } from "@/lib/whatsapp/inbound-content";
import type { InboundMessage } from "@/lib/whatsapp/webhook-schema";
import { english, renderIntl } from "../support/intl";
import { messageDto } from "../support/message-dto";

// How each inbound type reads in a bubble: rendered to static markup from Meta's fixture payloads
// run through the same content mapping ingest uses.

function fromFixture(name: string, overrides: Partial<MessageDto> = {}): MessageDto {
  const file = path.resolve(import.meta.dirname, "../fixtures/whatsapp", name);
  const value = JSON.parse(readFileSync(file, "utf8")).entry[0].changes[0].value;
  const message = value.messages[0] as InboundMessage;
  const stored = inboundContent(message, { valueErrors: value.errors });
  return messageDto({
    type: stored.type,
    text: stored.text,
    content: stored.content,
    error: stored.error,
    forwarded: !!(message.context?.forwarded || message.context?.frequently_forwarded),
    frequentlyForwarded: !!message.context?.frequently_forwarded,
    ...overrides,
  });
}

const render = (message: MessageDto) => renderIntl(<MessageContent message={message} />);

/** The visible text: markup stripped, entities decoded. */
const visible = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, " ")
    .trim();

describe("text", () => {
  it("makes http(s) links clickable, safely", () => {
    const html = render(messageDto({ text: "See https://example.com/a?b=1. Or javascript:alert(1) <script>x</script>" }));
    expect(html).toContain('<a href="https://example.com/a?b=1" target="_blank" rel="noopener noreferrer"');
    expect(html).not.toContain('href="javascript');
    expect(html).not.toContain("<script>");
    expect(html).toContain("</a>. Or javascript:alert(1) &lt;script&gt;x&lt;/script&gt;");
  });

  it("keeps trailing punctuation out of links and refuses other schemes", () => {
    expect(splitLinks("(https://a.example/x), ftp://b.example")).toEqual([
      { kind: "text", value: "(" },
      { kind: "link", value: "https://a.example/x", href: "https://a.example/x" },
      { kind: "text", value: "), ftp://b.example" },
    ]);
  });

  it("marks forwarded and frequently forwarded messages", () => {
    expect(visible(render(fromFixture("wa-inbound-text-forwarded.json")))).toContain("↪ Forwarded forwarded text");
    expect(visible(render(fromFixture("wa-inbound-text-frequently-forwarded.json")))).toContain("Forwarded many times");
  });
});

describe("replies and changes", () => {
  it("shows the quoted message above a reply, or says it is not available", () => {
    const found = render(
      fromFixture("wa-inbound-text-reply-context.json", {
        quoted: { externalId: "wamid.q", found: true, type: "text", text: "Your table ships Monday", direction: "OUTBOUND" },
      }),
    );
    expect(visible(found)).toMatch(/You Your table ships Monday replied text/);
    const missing = render(
      fromFixture("wa-inbound-text-reply-context.json", {
        quoted: { externalId: "wamid.q", found: false, type: null, text: null, direction: null },
      }),
    );
    expect(visible(missing)).toContain("Original message not available replied text");
  });

  it("shows an edited mark and a deleted placeholder", () => {
    expect(visible(render(messageDto({ text: "new words", edited: true })))).toBe("new words Edited");
    const deleted = render(messageDto({ text: null, deleted: true }));
    expect(visible(deleted)).toContain("This message was deleted");
  });
});

describe("media", () => {
  const media = { id: "media-1", mimeType: "image/jpeg", fileName: null, size: 2048, error: null };

  it("says Downloading while the file is fetched", () => {
    const html = render(fromFixture("wa-inbound-image.json", { media: { ...media, state: "PENDING" } }));
    expect(html).toContain('data-testid="media-pending"');
    expect(visible(html)).toContain("Downloading photo…");
  });

  it("previews a stored photo from the private media route", () => {
    const html = render(fromFixture("wa-inbound-image.json", { media: { ...media, state: "STORED" } }));
    expect(html).toContain('<img src="/api/media/media-1"');
  });

  it("says why a file could not be fetched", () => {
    const html = render(
      fromFixture("wa-inbound-video-forwarded.json", {
        media: {
          ...media,
          mimeType: "video/mp4",
          state: "FAILED",
          error: "The customer's file could not be downloaded from WhatsApp. It is larger than the 16 MB WhatsApp allows.",
        },
      }),
    );
    expect(visible(html)).toContain(
      "Video not available. The customer's file could not be downloaded from WhatsApp. It is larger than the 16 MB WhatsApp allows.",
    );
    expect(visible(html)).toContain("caption");
  });

  it("shows a document as a row with name, size and a download link", () => {
    const html = render(
      fromFixture("wa-inbound-document.json", {
        media: { ...media, mimeType: "application/pdf", fileName: "filename.pdf", size: 1_572_864, state: "STORED" },
      }),
    );
    expect(visible(html)).toContain("filename.pdf 1.5 MB · application/pdf Download");
    expect(html).toContain('href="/api/media/media-1" download="filename.pdf"');
  });

  it("labels a voice note and plays it inline", () => {
    const html = render(fromFixture("wa-inbound-audio-voice.json", { media: { ...media, mimeType: "audio/ogg", state: "STORED" } }));
    expect(visible(html)).toContain("Voice message");
    expect(html).toContain('<audio src="/api/media/media-1"');
  });
});

describe("structured messages", () => {
  it("shows a location with its name, address and an OpenStreetMap link", () => {
    const html = render(fromFixture("wa-inbound-location-named.json"));
    expect(visible(html)).toContain("Facebook HQ 1 Hacker Way, Menlo Park, CA 94025");
    expect(html).toContain('href="https://www.openstreetmap.org/?mlat=37.4611978&amp;mlon=-122.2164385');
  });

  it("shows shared contacts as cards", () => {
    const text = visible(render(fromFixture("wa-inbound-contacts.json")));
    expect(text).toContain("Chandler Bing");
    expect(text).toContain("+1 555-555-5555 cell");
    expect(text).toContain("Rachel Green");
  });

  it("shows a Flow submission as labelled fields, without the token or raw JSON", () => {
    const html = render(fromFixture("wa-inbound-interactive-nfm-reply-flow.json"));
    const text = visible(html);
    expect(text).toContain("Form submitted");
    expect(text).toContain("Comment text Comment Text");
    expect(text).toContain("Delivery rating 4");
    expect(text).toContain("Cs rating 0");
    expect(html).not.toContain("flow_token");
    expect(html).not.toContain("AQAAAAACS5Fpg");
    expect(text).not.toContain("{");
  });

  it("humanises field names", () => {
    expect(humanizeKey("appointment_date")).toBe("Appointment date");
    expect(humanizeKey("firstName")).toBe("First name");
  });

  it("shows button and list replies and template quick replies", () => {
    expect(visible(render(fromFixture("wa-inbound-interactive-button-reply.json")))).toContain("Tapped a button title");
    expect(visible(render(fromFixture("wa-inbound-interactive-list-reply-description.json")))).toContain(
      "Chose from the list title description",
    );
    expect(visible(render(fromFixture("wa-inbound-button-template-quick-reply.json")))).toContain(
      "Tapped a template button title Payload: callback_data",
    );
  });

  it("shows an order with every line and the computed total", () => {
    const text = visible(render(fromFixture("wa-inbound-order.json")));
    expect(text).toContain("Order · 7 items");
    expect(text).toContain("HAMBURGER 3 × ₪30.00 ₪90.00");
    expect(text).toContain("Total ₪180.00");
  });
});

describe("notices and placeholders", () => {
  it("explains a number change and a changed security code", () => {
    expect(noticeText(fromFixture("wa-inbound-system-user-changed-number.json"), english)).toBe(
      "The customer changed their number to +972912345678. The conversation continues here.",
    );
    expect(noticeText(fromFixture("wa-inbound-system-customer-identity-changed.json"), english)).toContain("security code changed");
  });

  it("shows an unsupported message with Meta's reason", () => {
    const text = visible(render(fromFixture("wa-inbound-unsupported-with-subtype.json")));
    expect(text).toContain("This message can't be shown (pool)");
    expect(text).toContain("WhatsApp does not support this message type. Message type is currently not supported. (error 131051)");
  });

  it("shows a message Meta could not include with the change-level error", () => {
    const text = visible(render(fromFixture("wa-inbound-value-errors-131000.json")));
    expect(text).toContain("This message can't be shown");
    expect(text).toContain("Something went wrong Unsupported webhook payload (error 131000)");
  });
});

describe("around the bubble", () => {
  it("lists reactions", () => {
    const html = renderIntl(<ReactionsRow reactions={[{ by: "customer", emoji: "😮", at: "2026-01-10T10:00:00Z" }]} outbound />);
    expect(html).toContain("😮");
    expect(html).toContain("The customer reacted 😮");
  });

  it("shows the ad the customer came from, linking only to http(s) sources", () => {
    const referral = {
      headline: "Spring sale",
      body: "Desks -20%",
      sourceType: "ad",
      sourceUrl: "https://fb.me/abc",
      mediaType: "image",
      thumbnailUrl: null,
      at: null,
    };
    const html = renderIntl(<ReferralCard referral={referral} />);
    expect(visible(html)).toContain("Came from an ad: Spring sale Desks -20% Open the ad");
    expect(html).toContain('href="https://fb.me/abc"');
    const unsafe = renderIntl(<ReferralCard referral={{ ...referral, sourceUrl: "javascript:alert(1)" }} />);
    expect(unsafe).not.toContain("href=");
  });
});
