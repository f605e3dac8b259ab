import type { Prisma } from "@/lib/db/client";
import type { ChannelActivityInput, InboundMessageInput } from "@/lib/conversations/channel-input";
import type { PageEvent } from "./read-events";
import type { MessagingEvent, PageReferral } from "./webhook-schema";

// Messenger's other events in the inbox's terms: a button tap (postback) and an arrival from an
// m.me link or ad (referral) are things the customer did, kept as messages; a reaction and an edit
// change an earlier message; the handover protocol's events and what arrives on the standby channel
// become activity lines. Events without an id of their own get one from what they are, so a replay
// stores nothing twice.

const inbound = (
  fields: Omit<InboundMessageInput, "error" | "forwarded" | "numberChange" | "quotedExternalId" | "media" | "change" | "referral"> &
    Partial<InboundMessageInput>,
): InboundMessageInput => ({
  error: null,
  forwarded: false,
  numberChange: null,
  quotedExternalId: null,
  media: null,
  change: null,
  referral: null,
  ...fields,
});

/** Where a customer came from, in the shape the thread's referral card reads (as WhatsApp's ads are). */
export function referralOf(referral: PageReferral): Prisma.InputJsonValue {
  const ads = (referral.ads_context_data ?? {}) as Record<string, unknown>;
  const source = referral.source ?? "";
  const sourceType =
    source === "ADS"
      ? "ad"
      : source === "SHORTLINK"
        ? "m.me link"
        : source === "CUSTOMER_CHAT_PLUGIN"
          ? "chat plugin"
          : source.toLowerCase() || "link";
  const text = (value: unknown) => (typeof value === "string" && value ? value : null);
  return {
    platform: "messenger",
    source_type: sourceType,
    headline: text(ads.ad_title) ?? (referral.ref ? `ref ${referral.ref}` : null),
    body: ads.ad_title && referral.ref ? `ref ${referral.ref}` : null,
    source_url: text(referral.referer_uri),
    media_type: ads.photo_url ? "image" : ads.video_url ? "video" : null,
    thumbnail_url: text(ads.photo_url) ?? text(ads.video_url),
    ref: referral.ref ?? null,
    ad_id: referral.ad_id ?? null,
    post_id: text(ads.post_id),
  };
}

function arrivalText(referral: PageReferral): string {
  const from = referral.source === "ADS" ? "an ad" : referral.source === "SHORTLINK" ? "an m.me link" : "a link";
  return `Opened the conversation from ${from}${referral.ref ? ` (ref ${referral.ref})` : ""}`;
}

export function translatePostback({
  event,
  at,
  psid,
}: {
  event: NonNullable<MessagingEvent["postback"]>;
  at: Date;
  psid: string;
}): InboundMessageInput {
  const title = event.title ?? event.payload ?? "a button";
  return inbound({
    externalId: event.mid ?? `postback:${psid}:${at.getTime()}`,
    at,
    type: "postback",
    text: title,
    content: { postback: { title: event.title ?? null, payload: event.payload ?? null } },
    preview: `Tapped ${title}`,
    referral: event.referral ? referralOf(event.referral) : null,
  });
}

export function translateReferral({ referral, at, psid }: { referral: PageReferral; at: Date; psid: string }): InboundMessageInput {
  const text = arrivalText(referral);
  return inbound({
    externalId: `referral:${psid}:${at.getTime()}`,
    at,
    type: "referral",
    text,
    content: { referral: referralOf(referral) },
    preview: text,
    referral: referralOf(referral),
  });
}

/** A reaction or its removal on an earlier message (an empty emoji removes the customer's). */
export function translateReaction({
  event,
  at,
  psid,
}: {
  event: NonNullable<MessagingEvent["reaction"]>;
  at: Date;
  psid: string;
}): InboundMessageInput {
  const emoji = event.action === "unreact" ? "" : (event.emoji ?? "");
  return inbound({
    externalId: `reaction:${event.mid}:${psid}:${at.getTime()}:${event.action}`,
    at,
    type: "reaction",
    text: emoji || null,
    content: { reaction: { mid: event.mid, action: event.action, emoji: event.emoji ?? null, reaction: event.reaction ?? null } },
    preview: emoji ? `Reacted ${emoji}` : "Removed a reaction",
    change: { kind: "reaction", targetExternalId: event.mid, emoji },
  });
}

export function translateEdit({
  event,
  at,
  psid,
}: {
  event: NonNullable<MessagingEvent["message_edit"]>;
  at: Date;
  psid: string;
}): InboundMessageInput {
  return inbound({
    externalId: `edit:${event.mid}:${psid}:${at.getTime()}`,
    at,
    type: "edit",
    text: event.text ?? null,
    content: { edit: { mid: event.mid, text: event.text ?? null } },
    preview: event.text ? `Edited: ${event.text}` : "Edited a message",
    change: { kind: "edit", originalExternalId: event.mid, text: event.text ?? null },
  });
}

/** The handover protocol's events, and what came in while another app had the conversation. */
export function translateActivity(page: PageEvent): ChannelActivityInput | null {
  const { event, psid, at } = page;
  const control = event.pass_thread_control ?? event.take_thread_control ?? event.request_thread_control;
  const metadata = control?.metadata || null;
  let activity: ChannelActivityInput["activity"] | null = null;
  if (event.pass_thread_control) {
    activity = { kind: "handoverPassed", params: { app: event.pass_thread_control.previous_owner_app_id || null, metadata } };
  } else if (event.take_thread_control) {
    activity = { kind: "handoverTaken", params: { app: event.take_thread_control.new_owner_app_id || null, metadata } };
  } else if (event.request_thread_control) {
    activity = { kind: "handoverRequested", params: { app: event.request_thread_control.requested_owner_app_id || null, metadata } };
  } else if (page.standby && event.message && !event.message.is_echo) {
    const text = event.message.text ? event.message.text.slice(0, 200) : null;
    activity = { kind: "standbyMessage", params: { text, attachment: text ? null : (event.message.attachments?.[0]?.type ?? null) } };
  } else if (page.standby && event.postback) {
    activity = { kind: "standbyPostback", params: { title: event.postback.title ?? null } };
  }
  if (!activity) return null;
  return {
    customer: { psid },
    at,
    activity,
    externalId: `activity:${page.kind}:${psid}:${at.getTime()}:${event.message?.mid ?? event.postback?.mid ?? ""}`,
  };
}
