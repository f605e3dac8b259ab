import type { Prisma } from "@/lib/db/client";
import type { Publication } from "@/lib/realtime/publish";
import type { Activity } from "./activity";
import type { ChannelNoticeAlert } from "./types";

// What a channel adapter hands the domain: plain, channel-neutral inputs (docs/architecture.md,
// "Webhooks in"). The adapter translates its platform's events into these and the domain does every
// write, the same for any channel. Types only, so an adapter may import them (the dependency rules
// ignore type-only imports); the functions themselves reach it through lib/channels/inbound-port.ts.

type Tx = Prisma.TransactionClient;

/** Who wrote, by the keys a channel knows a customer by (Messenger: the PSID), and what the channel says of them. */
export type CustomerInput = {
  waId: string | null;
  bsuid: string | null;
  psid?: string | null;
  name: string | null;
  username: string | null;
};

/** A file the customer sent: fetched later by a job; `failure` when it can never be fetched. */
export type InboundMediaInput = {
  externalMediaId: string | null;
  mimeType: string;
  sha256: string | null;
  fileName: string | null;
  failure: string | null;
};

/** A message that changes an earlier one instead of saying something new. */
export type MessageChangeInput =
  | { kind: "reaction"; targetExternalId: string | undefined; emoji: string | undefined }
  | { kind: "edit"; originalExternalId: unknown; text: string | null }
  | { kind: "revoke"; originalExternalId: unknown };

export type InboundMessageInput = {
  externalId: string;
  at: Date;
  /** The inbox's message type: text, image, …, "system" for a notice, "reaction", "edit", "revoke". */
  type: string;
  text: string | null;
  /** The message's own content, kept as the channel sent it. */
  content: Record<string, unknown>;
  error: { code: number | null; title: string | null; details: string | null } | null;
  /** The one-line summary the conversation list shows. */
  preview: string;
  quotedExternalId: string | null;
  forwarded: boolean;
  referral: Prisma.InputJsonValue | null;
  media: InboundMediaInput | null;
  change: MessageChangeInput | null;
  /** Set when the message says the customer moved to a new number (`newWaId` may be missing). */
  numberChange: { newWaId: string | undefined } | null;
};

/** A delivery receipt for an outbound message: sent, delivered, read, played or failed. */
export type ReceiptInput = {
  externalId: string;
  /** sent | delivered | read | played | failed; other names are kept but change nothing. */
  status: string;
  at: Date;
  recipientId: string | null;
  /** The receipt as the channel sent it, kept so a receipt that overtook its send applies later. */
  raw: Prisma.InputJsonValue;
  error: { code: number | null; title: string | null; details: string | null } | null;
  pricing: { model: string | null; type: string | null; category: string | null; billable: boolean | null } | null;
  billingConversation: { id: string | undefined; origin: string | undefined; expiresAt: Date | undefined } | null;
  /** Set when the failure means the customer stopped marketing messages: the audited reason. */
  marketingStopped: { reason: string } | null;
  /**
   * Our own message id, when the channel echoes it back (WhatsApp's biz_opaque_callback_data): it
   * reconciles a send whose answer, and so its external id, was lost.
   */
  messageRef?: string | null;
};

/**
 * How a send that returned no external id ended, as the channel's transport reads its error.
 * `refused`: the channel answered and did not take the message (`retryable` when a later try may
 * pass). `unknown`: the request may have been carried out (a timeout, a dropped connection), so
 * sending again could deliver it twice; only a receipt, or the agent, settles it.
 */
export type SendFailure =
  | { outcome: "refused"; retryable: boolean; code: number | null; title: string; details: string | null }
  | { outcome: "unknown"; reason: string };

/** A customer's choice about marketing messages ("stop", "resume", …). */
export type MarketingPreferenceInput = {
  customer: { waId: string | null; bsuid: string | null };
  optOut: boolean;
  preference: string;
  at: Date;
  detail: string | null;
};

/**
 * A delivery or read watermark (Messenger): every outbound message to the customer sent at or
 * before `watermark` is delivered / read, at the watermark's time.
 */
export type WatermarkInput = { customer: { psid: string }; status: "delivered" | "read"; watermark: Date };

/**
 * A message the business sent from outside Switchboard (the Page inbox, another app), as the
 * channel echoed it: shown in the thread as the business's, once. `origin` says where it came from.
 */
export type BusinessMessageInput = Pick<InboundMessageInput, "externalId" | "at" | "type" | "text" | "content" | "preview" | "media"> & {
  origin: string;
};

/** Something that happened around the conversation rather than in it (another app took it over…). */
export type ChannelActivityInput = {
  customer: { psid: string };
  at: Date;
  /** One of the handover or standby events of activity.ts. */
  activity: Extract<Activity, { kind: "handoverPassed" | "handoverTaken" | "handoverRequested" | "standbyMessage" | "standbyPostback" }>;
  /** Unique per event, so a replay adds nothing. */ externalId: string;
};

/** The domain calls an inbound adapter makes, each inside the adapter's transaction. */
export type InboundPort = {
  receiveMessage(args: { tx: Tx; channelId: string; customer: CustomerInput; message: InboundMessageInput }): Promise<Publication[]>;
  /** Many messages at once, each customer's in the order given; the same rules as one at a time. */
  receiveMessages(args: {
    tx: Tx;
    messages: { channelId: string; customer: CustomerInput; message: InboundMessageInput }[];
  }): Promise<Publication[]>;
  applyReceipt(args: { tx: Tx; channelId: string; receipt: ReceiptInput; system: string }): Promise<Publication[]>;
  /** Many receipts at once, in a few set-based statements; the same rules as one at a time. */
  applyReceipts(args: { tx: Tx; receipts: { channelId: string; receipt: ReceiptInput }[]; system: string }): Promise<Publication[]>;
  setMarketingPreference(args: { tx: Tx; channelId: string; preference: MarketingPreferenceInput; system: string }): Promise<void>;
  /** Tells every active admin what the channel's provider reported (a rating drop, a name decision). */
  notifyAdmins(args: { tx: Tx; params: { channel: string; alert: ChannelNoticeAlert } }): Promise<Publication[]>;
  applyWatermark(args: { tx: Tx; channelId: string; watermark: WatermarkInput }): Promise<Publication[]>;
  recordBusinessMessage(args: {
    tx: Tx;
    channelId: string;
    customer: CustomerInput;
    message: BusinessMessageInput;
  }): Promise<Publication[]>;
  /** Null when the customer has no conversation to show it in. */
  recordChannelActivity(args: { tx: Tx; channelId: string; activity: ChannelActivityInput }): Promise<Publication[] | null>;
};
