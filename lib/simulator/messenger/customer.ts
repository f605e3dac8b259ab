import "server-only";
import { z } from "zod";
import { db, type Prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { phrase, type Translate } from "@/lib/i18n/phrase";
import { ambientLocale } from "@/lib/i18n/preferences";
import { translator } from "@/lib/i18n/translator";
import { PAGE_INBOX_APP_ID } from "@/lib/messenger/translate-message";
import { saveSimulatorMedia, simulatorMediaInfo } from "../media-store";
import { readWatermark, newMid } from "./send-api";
import { defaultPage, simulatedPage } from "./pages";
import { deliverPageEvent, fromCustomer, fromPage } from "./webhook";
import { config } from "@/lib/config";

// The customer's side of Messenger in the simulator: a person writing to the Page (every kind of
// event a Page webhook carries, signed as Meta signs it) and what the Page sent back. Also plays
// the Page's own inbox, replying "from another tool", which Switchboard only learns of by the echo.

const file = z.object({
  name: z.string().trim().min(1).max(200),
  mimeType: z.string().trim().min(3).max(120),
  base64: z.string().min(1).max(34_000_000),
});

export const messengerCustomerEvent = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("text"), text: z.string().trim().min(1).max(2000), replyTo: z.string().max(300).optional() }),
  z.object({ kind: z.literal("file"), file, reel: z.boolean().default(false) }),
  z.object({ kind: z.literal("sticker") }),
  z.object({ kind: z.literal("link"), url: z.url({ protocol: /^https?$/ }), title: z.string().trim().max(200).optional() }),
  z.object({ kind: z.literal("quick_reply"), text: z.string().min(1).max(20), payload: z.string().max(1000) }),
  z.object({ kind: z.literal("postback"), title: z.string().trim().min(1).max(20), payload: z.string().max(1000) }),
  z.object({
    kind: z.literal("referral"),
    ref: z.string().regex(/^[\w=-]{1,200}$/),
    source: z.enum(["SHORTLINK", "ADS"]).default("SHORTLINK"),
    adTitle: z.string().max(200).optional(),
  }),
  z.object({
    kind: z.literal("reaction"),
    messageId: z.string().min(1).max(300),
    emoji: z.string().max(16),
    action: z.enum(["react", "unreact"]).default("react"),
  }),
  z.object({ kind: z.literal("page_reply"), text: z.string().trim().min(1).max(2000) }),
]);
export type MessengerCustomerEvent = z.infer<typeof messengerCustomerEvent>;

export type MessengerThreadItem = {
  id: string;
  direction: "INBOUND" | "OUTBOUND";
  type: string;
  text: string;
  status: string;
  createdAt: string;
  /** The Page's message: its quick replies, its file, and whether it came from another tool. */
  quickReplies?: { title: string; payload: string }[];
  attachment?: { type: string; url: string; fileName: string | null; mimeType: string | null };
  fromPageInbox?: boolean;
  reactions?: string[];
};

/** Which Page: the one named, or the configured one. */
export function pageFor(pageId: string | undefined) {
  if (!pageId) return defaultPage();
  const page = simulatedPage(pageId);
  if (!page) throw new AppError("NOT_FOUND", phrase("simulator.errors.noPage", { id: pageId }));
  return page;
}

export async function sendAsMessengerCustomer({
  pageId,
  psid,
  name,
  event,
}: {
  pageId: string;
  psid: string;
  name: string;
  event: MessengerCustomerEvent;
}): Promise<{ mid: string | null; webhookStatus: number }> {
  if (!(await db.channel.findUnique({ where: { pageId }, select: { id: true } })))
    throw new AppError("NOT_FOUND", phrase("simulator.errors.noPageChannel", { id: pageId }));
  const record = (direction: "INBOUND" | "OUTBOUND", mid: string, type: string, payload: Record<string, unknown>) =>
    db.simulatorMessage.create({
      data: {
        phoneNumberId: pageId,
        customerWaId: psid,
        customerName: name,
        direction,
        wamid: mid,
        type,
        payload: payload as Prisma.InputJsonValue,
      },
    });
  const customer = fromCustomer({ pageId, psid });
  const mid = newMid();
  switch (event.kind) {
    case "text": {
      const message = { mid, text: event.text, ...(event.replyTo ? { reply_to: { mid: event.replyTo } } : {}) };
      await record("INBOUND", mid, "text", message);
      return { mid, webhookStatus: await deliverPageEvent({ pageId, event: { ...customer, message } }) };
    }
    case "file":
    case "sticker": {
      const attachment = await attachmentOf(event);
      await record("INBOUND", mid, "attachment", { mid, attachments: [attachment] });
      return {
        mid,
        webhookStatus: await deliverPageEvent({ pageId, event: { ...customer, message: { mid, attachments: [attachment] } } }),
      };
    }
    case "link": {
      const attachment = { type: "fallback", payload: { url: event.url, title: event.title ?? event.url } };
      await record("INBOUND", mid, "attachment", { mid, attachments: [attachment] });
      return {
        mid,
        webhookStatus: await deliverPageEvent({ pageId, event: { ...customer, message: { mid, attachments: [attachment] } } }),
      };
    }
    case "quick_reply": {
      const message = { mid, text: event.text, quick_reply: { payload: event.payload } };
      await record("INBOUND", mid, "quick_reply", message);
      return { mid, webhookStatus: await deliverPageEvent({ pageId, event: { ...customer, message } }) };
    }
    case "postback": {
      const postback = { mid, title: event.title, payload: event.payload };
      await record("INBOUND", mid, "postback", { postback });
      return { mid, webhookStatus: await deliverPageEvent({ pageId, event: { ...customer, postback } }) };
    }
    case "referral": {
      const referral = {
        ref: event.ref,
        source: event.source,
        type: "OPEN_THREAD",
        ...(event.source === "ADS"
          ? {
              ad_id: "120200000000000001",
              ads_context_data: { ad_title: event.adTitle ?? "Northwind spring sale", post_id: "100000000000001_200000000000001" },
            }
          : {}),
      };
      await record("INBOUND", mid, "referral", { referral });
      return { mid: null, webhookStatus: await deliverPageEvent({ pageId, event: { ...customer, referral } }) };
    }
    case "reaction": {
      await recordReaction({ messageId: event.messageId, emoji: event.action === "react" ? event.emoji : null });
      await record("INBOUND", mid, "reaction", { reaction: { mid: event.messageId, emoji: event.emoji, action: event.action } });
      const reaction = {
        reaction: event.action === "react" ? "other" : "other",
        emoji: event.emoji,
        action: event.action,
        mid: event.messageId,
      };
      return { mid: null, webhookStatus: await deliverPageEvent({ pageId, event: { ...customer, reaction } }) };
    }
    case "page_reply": {
      // Written in the Page's own inbox: Switchboard hears of it only through the echo.
      await record("OUTBOUND", mid, "text", { text: event.text, fromPageInbox: true });
      const message = { mid, is_echo: true, app_id: Number(PAGE_INBOX_APP_ID), text: event.text };
      return { mid, webhookStatus: await deliverPageEvent({ pageId, event: { ...fromPage({ pageId, psid }), message } }) };
    }
  }
}

async function attachmentOf(event: Extract<MessengerCustomerEvent, { kind: "file" | "sticker" }>) {
  if (event.kind === "sticker") {
    const { profilePicture } = await import("./picture");
    const saved = await saveSimulatorMedia({ bytes: profilePicture("thumbs-up"), mimeType: "image/png", fileName: "sticker.png" });
    return { type: "sticker", payload: { url: fileUrl(saved.id), sticker_id: 369239263222822 } };
  }
  const saved = await saveSimulatorMedia({
    bytes: Buffer.from(event.file.base64, "base64"),
    mimeType: event.file.mimeType,
    fileName: event.file.name,
  });
  const mime = event.file.mimeType.toLowerCase();
  const type = event.reel
    ? "reel"
    : mime.startsWith("image/")
      ? "image"
      : mime.startsWith("video/")
        ? "video"
        : mime.startsWith("audio/")
          ? "audio"
          : "file";
  return { type, payload: { url: fileUrl(saved.id), ...(event.reel ? { reel_video_id: saved.id } : {}) } };
}

function fileUrl(id: string) {
  return `${config().internalUrl}/api/simulator/messenger/files/${id}`;
}

async function recordReaction({ messageId, emoji }: { messageId: string; emoji: string | null }) {
  const target = await db.simulatorMessage.findUnique({ where: { wamid: messageId } });
  if (!target) throw new AppError("NOT_FOUND", phrase("simulator.errors.noReactionTarget"));
  const payload = target.payload as Record<string, unknown>;
  await db.simulatorMessage.update({
    where: { wamid: messageId },
    data: { payload: { ...payload, customerReaction: emoji } as Prisma.InputJsonValue },
  });
}

export async function messengerThread({ pageId, psid }: { pageId: string; psid: string }): Promise<MessengerThreadItem[]> {
  const rows = await db.simulatorMessage.findMany({
    where: { phoneNumberId: pageId, customerWaId: psid, type: { not: "reaction" } },
    orderBy: { createdAt: "asc" },
    take: 500,
  });
  const t = translator(await ambientLocale());
  return Promise.all(
    rows.map(async (row) => {
      const payload = row.payload as Record<string, unknown>;
      const item: MessengerThreadItem = {
        id: row.wamid,
        direction: row.direction,
        type: row.type,
        text: describe(row.type, payload, t),
        status: row.status,
        createdAt: row.createdAt.toISOString(),
      };
      if (typeof payload.customerReaction === "string") item.reactions = [payload.customerReaction];
      if (row.direction === "OUTBOUND") {
        if (Array.isArray(payload.quick_replies) && payload.quick_replies.length)
          item.quickReplies = payload.quick_replies as { title: string; payload: string }[];
        const attachment = payload.attachment as { type?: string; url?: string; fileName?: string; mimeType?: string } | undefined;
        if (attachment?.url)
          item.attachment = {
            type: attachment.type ?? "file",
            url: attachment.url.replace(config().internalUrl, ""),
            fileName: attachment.fileName ?? null,
            mimeType: attachment.mimeType ?? null,
          };
        if (payload.fromPageInbox) item.fromPageInbox = true;
      } else {
        const attachments = Array.isArray(payload.attachments)
          ? (payload.attachments as { type: string; payload: { url?: string; title?: string } }[])
          : [];
        const first = attachments[0];
        if (first?.payload.url && first.type !== "fallback") {
          const id = first.payload.url.split("/").pop() ?? "";
          const info = await simulatorMediaInfo(id);
          item.attachment = {
            type: first.type,
            url: first.payload.url.replace(config().internalUrl, ""),
            fileName: info?.fileName ?? null,
            mimeType: info?.mimeType ?? null,
          };
        }
      }
      return item;
    }),
  );
}

// What the phone shows for a message: its text as written, else a line in the reader's language.
function describe(type: string, payload: Record<string, unknown>, t: Translate): string {
  if (typeof payload.text === "string") return payload.text;
  const postback = payload.postback as { title?: string } | undefined;
  if (type === "postback")
    return postback?.title ? t("simulator.thread.tapped", { title: postback.title }) : t("simulator.thread.tappedButton");
  const referral = payload.referral as { ref?: string; source?: string } | undefined;
  if (type === "referral")
    return t(referral?.source === "ADS" ? "simulator.thread.openedFromAd" : "simulator.thread.openedFromLink", {
      ref: referral?.ref ?? "",
    });
  const attachments = payload.attachments as { type: string; payload?: { title?: string; url?: string } }[] | undefined;
  if (attachments?.[0]?.type === "fallback")
    return attachments[0].payload?.title ?? attachments[0].payload?.url ?? t("simulator.thread.link");
  if (attachments?.[0]) return "";
  const attachment = payload.attachment as { type?: string } | undefined;
  if (attachment) return "";
  return `[${type}]`;
}

export async function messengerCustomers({ pageId }: { pageId: string }) {
  const rows = await db.simulatorMessage.groupBy({
    by: ["customerWaId"],
    where: { phoneNumberId: pageId },
    _max: { createdAt: true, customerName: true },
    orderBy: { _max: { createdAt: "desc" } },
    take: 50,
  });
  return rows.map((row) => ({ psid: row.customerWaId, name: row._max.customerName ?? null }));
}

export type MessengerCustomerSettings = { psid: string; readsMessages: boolean; typing: boolean };

export async function messengerCustomerSettings({ pageId, psid }: { pageId: string; psid: string }): Promise<MessengerCustomerSettings> {
  const customer = await db.simulatorCustomer.findUnique({ where: { phoneNumberId_waId: { phoneNumberId: pageId, waId: psid } } });
  return { psid, readsMessages: customer?.readsMessages ?? true, typing: !!customer?.typingUntil && customer.typingUntil > new Date() };
}

/** Someone who doesn't open the chat leaves the Page's messages delivered; opening it sends the read watermark. */
export async function updateMessengerCustomer({ pageId, psid, readsMessages }: { pageId: string; psid: string; readsMessages: boolean }) {
  await db.simulatorCustomer.upsert({
    where: { phoneNumberId_waId: { phoneNumberId: pageId, waId: psid } },
    create: { phoneNumberId: pageId, waId: psid, readsMessages },
    update: { readsMessages },
  });
  if (readsMessages) await readWatermark({ pageId, psid });
  return messengerCustomerSettings({ pageId, psid });
}

export type SimulatorPageState = { pageId: string; name: string; humanAgent: boolean; customers: { psid: string; name: string | null }[] };

export async function simulatorPageState(pageId: string): Promise<SimulatorPageState> {
  const page = pageFor(pageId);
  const row = await db.simulatorPage.findUnique({ where: { pageId: page.pageId } });
  return {
    pageId: page.pageId,
    name: page.name,
    humanAgent: row?.humanAgent ?? false,
    customers: await messengerCustomers({ pageId: page.pageId }),
  };
}

/** Plays Meta's App Review: whether the Page's app has the Human Agent permission. */
export async function setPageHumanAgent({ pageId, humanAgent }: { pageId: string; humanAgent: boolean }) {
  const page = pageFor(pageId);
  await db.simulatorPage.upsert({ where: { pageId: page.pageId }, create: { pageId: page.pageId, humanAgent }, update: { humanAgent } });
  return simulatorPageState(page.pageId);
}
