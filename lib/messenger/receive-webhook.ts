import { inboundPort } from "@/lib/channels/inbound-port";
import type { InboundPort } from "@/lib/conversations/channel-input";
import type { Prisma } from "@/lib/db/client";
import { isDatabaseDown } from "@/lib/db/errors";
import { englishErrorText } from "@/lib/i18n/error-text";
import type { Publication } from "@/lib/realtime/publish";
import { inSavepoint } from "@/lib/whatsapp/in-savepoint";
import { isConflict } from "@/lib/whatsapp/retry-on-conflict";
import { readPageEvents, type PageEvent } from "./read-events";
import { messengerReceipt } from "./receipts";
import { METADATA_PREFIX } from "./send-payload";
import { translateActivity, translateEdit, translatePostback, translateReaction, translateReferral } from "./translate-events";
import { customerOf, translateCustomerMessage, translateEcho } from "./translate-message";
import type { PageEnvelope } from "./webhook-schema";

// What a logged Page body does (the webhook intake, lib/webhooks/, logs it and calls this through
// webhook-adapter.ts): each event in its own savepoint inside the intake's transaction, socket
// events published by the intake after the commit. A malformed or unstorable event is named on the
// logged body (FAILED, replayable) while the others are stored; replaying stores nothing twice (mids
// are unique, watermarks only move forward). The adapter only translates: every write goes through
// the domain's inbound port.

/** How the domain's audit trail names what Messenger itself did. */
const SYSTEM = "messenger";

// Customer and Page messages first, then receipts, then activity lines: a read in the same body
// then finds the messages it covers. Within each, rows are locked in one order (customer, time).
const phase: Record<PageEvent["kind"], number> = {
  message: 0,
  echo: 0,
  postback: 0,
  referral: 0,
  edit: 1,
  reaction: 1,
  delivery: 2,
  read: 2,
  handover: 3,
  other: 3,
};

/**
 * Everything one Page body does, inside the caller's transaction: the events to publish after the
 * commit, and the problems to name on the logged body. The one function any intake — the route's
 * transaction, a replay, a batch processor — runs a Page body through.
 */
export async function processMessengerBody({
  tx,
  body,
  domain = inboundPort,
  isolateConflicts = true,
}: {
  tx: Prisma.TransactionClient;
  body: PageEnvelope;
  domain?: InboundPort;
  isolateConflicts?: boolean;
}): Promise<{ publications: Publication[]; problems: string[] }> {
  const publications: Publication[] = [];
  const { events, problems } = readPageEvents(body);
  const rethrow = (error: unknown) => isDatabaseDown(error) || (!isolateConflicts && isConflict(error));
  const isolated = async (where: string, step: () => Promise<Publication[] | null>) => {
    const result = await inSavepoint({ tx, work: step, rethrow });
    if (!result.ok) {
      console.error(`[messenger] ${where} could not be stored`, result.error);
      problems.push(`${where} could not be stored: ${describe(result.error)}`);
    } else if (result.value) {
      publications.push(...result.value);
    }
  };

  const channels = new Map<string, string | null>();
  const channelOf = async (pageId: string) => {
    if (!channels.has(pageId)) channels.set(pageId, (await tx.channel.findUnique({ where: { pageId }, select: { id: true } }))?.id ?? null);
    return channels.get(pageId)!;
  };

  events.sort((a, b) => phase[a.kind] - phase[b.kind] || a.psid.localeCompare(b.psid) || a.at.getTime() - b.at.getTime());
  for (const page of events) {
    const channelId = await channelOf(page.pageId);
    if (!channelId) {
      problems.push(`${page.where}: no channel owns Page ${page.pageId}`);
      continue;
    }
    await isolated(page.where, () => handle({ tx, channelId, page, domain }));
  }
  return { publications, problems };
}

async function handle({
  tx,
  channelId,
  page,
  domain,
}: {
  tx: Prisma.TransactionClient;
  channelId: string;
  page: PageEvent;
  domain: InboundPort;
}): Promise<Publication[] | null> {
  const { event, psid, at } = page;
  const customer = customerOf(psid);
  const each = async <T>(items: T[], step: (item: T) => Promise<Publication[]>) => {
    const out: Publication[] = [];
    for (const item of items) out.push(...(await step(item)));
    return out;
  };

  // What came in while another app had the conversation is only recorded (the echoes of that
  // app's or the Page inbox's replies, and receipts, still apply).
  if (page.standby && (page.kind === "message" || page.kind === "postback")) {
    const activity = translateActivity(page);
    return activity ? domain.recordChannelActivity({ tx, channelId, activity }) : null;
  }
  switch (page.kind) {
    case "message":
      return each(translateCustomerMessage({ message: event.message!, at }), (message) =>
        domain.receiveMessage({ tx, channelId, customer, message }),
      );
    case "echo": {
      const message = event.message!;
      // Our own send: the echo is its "sent" receipt (stored if it overtook the Send API's answer),
      // never a second copy of the message.
      if (message.metadata?.startsWith(METADATA_PREFIX)) {
        return domain.applyReceipt({ tx, channelId, receipt: messengerReceipt({ mid: message.mid, status: "sent", at }), system: SYSTEM });
      }
      return each(translateEcho({ message, at }), (reply) => domain.recordBusinessMessage({ tx, channelId, customer, message: reply }));
    }
    case "edit":
      return domain.receiveMessage({ tx, channelId, customer, message: translateEdit({ event: event.message_edit!, at, psid }) });
    case "postback":
      return domain.receiveMessage({ tx, channelId, customer, message: translatePostback({ event: event.postback!, at, psid }) });
    case "referral":
      return domain.receiveMessage({ tx, channelId, customer, message: translateReferral({ referral: event.referral!, at, psid }) });
    case "reaction":
      return domain.receiveMessage({ tx, channelId, customer, message: translateReaction({ event: event.reaction!, at, psid }) });
    case "delivery": {
      const { mids = [], watermark } = event.delivery!;
      // Per message where Meta names them (a receipt that overtook its send waits for it), then
      // everything up to the watermark.
      const named = await each(mids, (mid) =>
        domain.applyReceipt({ tx, channelId, receipt: messengerReceipt({ mid, status: "delivered", at: watermark }), system: SYSTEM }),
      );
      return [
        ...named,
        ...(await domain.applyWatermark({ tx, channelId, watermark: { customer: { psid }, status: "delivered", watermark } })),
      ];
    }
    case "read":
      return domain.applyWatermark({ tx, channelId, watermark: { customer: { psid }, status: "read", watermark: event.read!.watermark } });
    case "handover": {
      const activity = translateActivity(page);
      return activity ? domain.recordChannelActivity({ tx, channelId, activity }) : null;
    }
    default:
      return null;
  }
}

function describe(error: unknown): string {
  const text = englishErrorText(error);
  return text.replace(/\s+/g, " ").slice(0, 200);
}
