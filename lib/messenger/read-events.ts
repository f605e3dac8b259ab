import { messagingEvent, type MessagingEvent, type PageEnvelope } from "./webhook-schema";

// Reads a Page webhook body into the events it carries, each checked on its own and named by where
// it sits (entry[0].messaging[1]), so a malformed one is reported while the others are stored.
// Events of the standby channel (another app of the Page owns the conversation) are marked so.

export type PageEvent = {
  pageId: string;
  /** The customer: the sender of what they did, the recipient of the Page's own messages. */
  psid: string;
  at: Date;
  standby: boolean;
  where: string;
  event: MessagingEvent;
  kind: "message" | "echo" | "edit" | "postback" | "referral" | "reaction" | "delivery" | "read" | "handover" | "other";
};

export function readPageEvents(body: PageEnvelope): { events: PageEvent[]; problems: string[] } {
  const events: PageEvent[] = [];
  const problems: string[] = [];
  body.entry.forEach((entry, entryIndex) => {
    const entryTime = typeof entry.time === "number" ? new Date(entry.time) : new Date();
    for (const channel of ["messaging", "standby"] as const) {
      const list = entry[channel];
      if (list === undefined) continue;
      if (!Array.isArray(list)) {
        problems.push(`entry[${entryIndex}].${channel} is not a list`);
        continue;
      }
      list.forEach((raw, index) => {
        const where = `entry[${entryIndex}].${channel}[${index}]`;
        const parsed = messagingEvent.safeParse(raw);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          problems.push(`${where} is not a Messenger event: ${issue?.path.join(".") || "event"} ${issue?.message ?? ""}`.trim());
          return;
        }
        const event = parsed.data;
        const kind = kindOf(event);
        const echo = kind === "echo";
        // The Page's own messages go from the Page to the customer; everything else the other way.
        const pageId = String(entry.id ?? (echo ? event.sender.id : event.recipient.id) ?? "");
        const psid = echo ? event.recipient.id : event.sender.id;
        if (!psid) {
          problems.push(`${where} names no customer (a chat plugin's user_ref is not a Page-scoped id)`);
          return;
        }
        const at = event.timestamp ?? event.delivery?.watermark ?? event.read?.watermark ?? entryTime;
        events.push({ pageId, psid, at, standby: channel === "standby", where, event, kind });
      });
    }
  });
  return { events, problems };
}

function kindOf(event: MessagingEvent): PageEvent["kind"] {
  if (event.message) return event.message.is_echo ? "echo" : "message";
  if (event.message_edit) return "edit";
  if (event.postback) return "postback";
  if (event.referral) return "referral";
  if (event.reaction) return "reaction";
  if (event.delivery) return "delivery";
  if (event.read) return "read";
  if (event.pass_thread_control || event.take_thread_control || event.request_thread_control) return "handover";
  return "other";
}
