import { z } from "zod";
import type { Translate } from "@/lib/i18n/phrase";
import { saveSimulatorMedia } from "./media-store";

// Everything a simulated customer can send, and how it becomes the message object of Meta's
// inbound webhook (Meta's webhook format), so the app ingests it exactly as it would
// a real one.

const file = z.object({
  name: z.string().trim().min(1).max(200),
  mimeType: z.string().trim().min(3).max(120),
  // Base64; the cap keeps a demo upload well above WhatsApp's 16 MB video limit yet bounded.
  base64: z.string().min(1).max(34_000_000),
});

const reply = { replyTo: z.string().max(300).optional() };
const caption = z.string().max(1024).optional();

export const customerMessage = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("text"),
    text: z.string().trim().min(1).max(4096),
    // A click-to-WhatsApp ad the customer tapped before writing.
    referral: z
      .object({
        headline: z.string().max(200),
        body: z.string().max(1000).optional(),
        sourceUrl: z.string().max(500).optional(),
        sourceType: z.enum(["ad", "post"]).default("ad"),
      })
      .optional(),
    ...reply,
  }),
  z.object({ kind: z.enum(["image", "video", "document"]), file, caption, ...reply }),
  z.object({ kind: z.enum(["audio", "voice"]), file, ...reply }),
  z.object({ kind: z.literal("sticker"), file, animated: z.boolean().default(false), ...reply }),
  z.object({
    kind: z.literal("location"),
    latitude: z.number().min(-90).max(90),
    longitude: z.number().min(-180).max(180),
    // Not "name": that field of the request is the customer's name.
    placeName: z.string().max(200).optional(),
    address: z.string().max(500).optional(),
    ...reply,
  }),
  z.object({
    kind: z.literal("contacts"),
    contacts: z
      .array(
        z.object({
          name: z.string().trim().min(1).max(200),
          phones: z.array(z.string().max(40)).max(10).default([]),
          emails: z.array(z.string().max(200)).max(10).default([]),
          org: z.string().max(200).optional(),
        }),
      )
      .min(1)
      .max(10),
    ...reply,
  }),
  z.object({ kind: z.literal("button_reply"), id: z.string().min(1).max(256), title: z.string().min(1).max(20), ...reply }),
  z.object({
    kind: z.literal("list_reply"),
    id: z.string().min(1).max(200),
    title: z.string().min(1).max(24),
    description: z.string().max(72).optional(),
    ...reply,
  }),
  z.object({ kind: z.literal("quick_reply"), text: z.string().min(1).max(256), payload: z.string().max(1000), ...reply }),
  z.object({
    kind: z.literal("flow"),
    response: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.array(z.string())])),
    flowToken: z.string().max(500).optional(),
    ...reply,
  }),
  z.object({
    kind: z.literal("order"),
    catalogId: z.string().max(100).default("simulator-catalog"),
    text: z.string().max(1000).optional(),
    items: z
      .array(
        z.object({
          productId: z.string().min(1).max(100),
          quantity: z.number().int().min(1).max(1000),
          price: z.number().min(0),
          currency: z.string().length(3),
        }),
      )
      .min(1)
      .max(100),
  }),
  // An empty emoji takes the customer's reaction back.
  z.object({ kind: z.literal("reaction"), messageId: z.string().min(1).max(300), emoji: z.string().max(16) }),
]);

export type CustomerMessage = z.infer<typeof customerMessage>;

export type BuiltMessage = { type: string; message: Record<string, unknown> };

export async function buildCustomerMessage({
  waId,
  wamid,
  businessNumber,
  input,
}: {
  waId: string;
  wamid: string;
  businessNumber: string;
  input: CustomerMessage;
}): Promise<BuiltMessage> {
  const base = { from: waId, id: wamid, timestamp: String(Math.floor(Date.now() / 1000)) };
  const context = "replyTo" in input && input.replyTo ? { context: { from: businessNumber, id: input.replyTo } } : {};
  const [type, part, extra] = await typedPart(input);
  return { type, message: { ...context, ...base, type, [type]: part, ...extra } };
}

async function typedPart(input: CustomerMessage): Promise<[string, Record<string, unknown>, Record<string, unknown>?]> {
  switch (input.kind) {
    case "text":
      return ["text", { body: input.text }, input.referral ? { referral: referral(input.referral) } : undefined];
    case "image":
    case "video":
    case "document":
    case "audio":
    case "voice":
    case "sticker":
      return [input.kind === "voice" ? "audio" : input.kind, await uploadedMedia(input)];
    case "location":
      return ["location", { latitude: input.latitude, longitude: input.longitude, name: input.placeName, address: input.address }];
    case "contacts":
      return ["contacts", {}, { contacts: input.contacts.map(contactCard) }];
    case "button_reply":
      return ["interactive", { type: "button_reply", button_reply: { id: input.id, title: input.title } }];
    case "list_reply":
      return ["interactive", { type: "list_reply", list_reply: { id: input.id, title: input.title, description: input.description } }];
    case "quick_reply":
      return ["button", { text: input.text, payload: input.payload }];
    case "flow": {
      const response = { ...input.response, flow_token: input.flowToken ?? "simulator-flow-token" };
      return ["interactive", { type: "nfm_reply", nfm_reply: { name: "flow", body: "Sent", response_json: JSON.stringify(response) } }];
    }
    case "order":
      return [
        "order",
        {
          catalog_id: input.catalogId,
          text: input.text ?? "",
          product_items: input.items.map((item) => ({
            product_retailer_id: item.productId,
            quantity: item.quantity,
            item_price: item.price,
            currency: item.currency.toUpperCase(),
          })),
        },
      ];
    case "reaction":
      return ["reaction", { message_id: input.messageId, emoji: input.emoji }];
  }
}

async function uploadedMedia(input: Extract<CustomerMessage, { file: unknown }>): Promise<Record<string, unknown>> {
  const bytes = Buffer.from(input.file.base64, "base64");
  const voice = input.kind === "voice";
  const mimeType = voice && !input.file.mimeType.startsWith("audio/") ? "audio/ogg; codecs=opus" : input.file.mimeType;
  const stored = await saveSimulatorMedia({ bytes, mimeType, fileName: input.file.name });
  const part: Record<string, unknown> = {
    id: stored.id,
    mime_type: stored.mimeType,
    // Webhooks carry the digest in base64; the media endpoint answers in hex.
    sha256: Buffer.from(stored.sha256, "hex").toString("base64"),
  };
  if ("caption" in input && input.caption) part.caption = input.caption;
  if (input.kind === "document") part.filename = input.file.name;
  if (input.kind === "audio" || input.kind === "voice") part.voice = voice;
  if (input.kind === "sticker") part.animated = input.animated;
  return part;
}

function contactCard(card: { name: string; phones: string[]; emails: string[]; org?: string }) {
  const [first, ...rest] = card.name.split(" ");
  return {
    name: { formatted_name: card.name, first_name: first, ...(rest.length ? { last_name: rest.join(" ") } : {}) },
    phones: card.phones.map((phone) => ({ phone, type: "CELL" })),
    emails: card.emails.map((email) => ({ email, type: "WORK" })),
    ...(card.org ? { org: { company: card.org } } : {}),
  };
}

function referral(ad: { headline: string; body?: string; sourceUrl?: string; sourceType: "ad" | "post" }) {
  return {
    source_url: ad.sourceUrl ?? "https://fb.me/simulator-ad",
    source_id: "120200000000000000",
    source_type: ad.sourceType,
    headline: ad.headline,
    body: ad.body ?? "",
    media_type: "image",
    image_url: "https://example.com/simulator-ad.jpg",
    ctwa_clid: `ARAsimulator${Date.now()}`,
  };
}

/** A line for the simulator's own thread view, in the reader's language; the customer's words stay as typed. */
export function describeCustomerMessage(type: string, payload: Record<string, unknown>, t: Translate): string | null {
  const part = (payload[type] ?? {}) as Record<string, unknown>;
  const str = (value: unknown) => (typeof value === "string" ? value : "");
  switch (type) {
    case "image":
    case "video":
    case "document":
    case "sticker": {
      const label = {
        image: `📷 ${t("simulator.thread.photo")}`,
        video: `🎥 ${t("simulator.thread.video")}`,
        document: "📄",
        sticker: t("simulator.thread.sticker"),
      }[type];
      return `${label} ${str(part.filename) || str(part.caption)}`.trim();
    }
    case "audio":
      return part.voice ? `🎤 ${t("simulator.thread.voice")}` : `🎵 ${t("simulator.thread.audio")}`;
    case "location":
      return `📍 ${str(part.name) || `${part.latitude}, ${part.longitude}`}`;
    case "contacts":
      return `👤 ${((payload.contacts as { name?: { formatted_name?: string } }[]) ?? []).map((c) => c.name?.formatted_name).join(", ")}`;
    case "interactive": {
      const kind = str(part.type);
      const reply = (part[kind] ?? {}) as Record<string, unknown>;
      return kind === "nfm_reply" ? `📝 ${t("simulator.thread.formSent")}` : str(reply.title);
    }
    case "button":
      return str(part.text);
    case "order":
      return `🛒 ${t("simulator.thread.order", { count: (part.product_items as unknown[] | undefined)?.length ?? 0 })}`;
    case "reaction":
      return str(part.emoji) ? t("simulator.thread.reacted", { emoji: str(part.emoji) }) : t("simulator.thread.unreacted");
    default:
      return null;
  }
}
