import type { Messages } from "@/lib/i18n/messages";

// The Messenger Platform's Send API errors (Meta's "Common Error Codes") as sentences an agent
// understands. One table, pure: the send job stores the English sentence as the message's error
// title (one record for every reader), and the thread words it in the reader's language from the
// same entry's key (metaErrors.messenger.<key> in messages/<locale>.json, English identical to the
// sentence here: tests/unit/messenger-rules.test.ts).

export type MessengerErrorKey = keyof Messages["metaErrors"]["messenger"];
type Known = { code: number; subcode?: number; key: MessengerErrorKey; sentence: string };

export const OUTSIDE_WINDOW =
  "The customer last wrote more than 24 hours ago, so Messenger refused a normal reply. Within 7 days a person may answer with the HUMAN_AGENT tag; after that, only when the customer writes again.";
export const HUMAN_AGENT_REFUSED =
  "Meta refused the HUMAN_AGENT tag: this Page's app doesn't have the Human Agent permission. An admin should check the app in Meta's App Review, and unmark the Page in Settings → Channels until it is granted.";

const COULD_NOT_SEND = "Messenger could not send this message.";

const known: Known[] = [
  { code: 10, subcode: 2018278, key: "outsideWindow", sentence: OUTSIDE_WINDOW },
  { code: 10, subcode: 2018065, key: "outsideWindow", sentence: OUTSIDE_WINDOW },
  { code: 10, subcode: 2018108, key: "outsideWindow", sentence: OUTSIDE_WINDOW },
  {
    code: 551,
    key: "unavailable",
    sentence: "This person isn't available on Messenger right now: they may have blocked the Page or closed their account.",
  },
  { code: 100, subcode: 2018001, key: "noSuchUser", sentence: "Messenger knows no such customer for this Page (no matching user)." },
  {
    code: 190,
    key: "tokenExpired",
    sentence: "The Page access token has expired or is invalid. An admin must enter a new one in Settings → Channels.",
  },
  { code: 230, key: "noMessagingPermission", sentence: "The Page's app lacks the pages_messaging permission, so it cannot send messages." },
  { code: 200, key: "missingPermission", sentence: "Meta refused this message for a missing permission of the Page's app." },
  { code: 4, key: "appRateLimit", sentence: "Messenger's rate limit for the app was reached. The message will be retried." },
  { code: 17, key: "rateLimit", sentence: "Messenger's rate limit was reached. The message will be retried." },
  { code: 32, key: "pageRateLimit", sentence: "The Page's rate limit was reached. The message will be retried." },
  {
    code: 613,
    key: "tooMany",
    sentence: "Too many messages in a short time: Messenger's rate limit was reached. The message will be retried.",
  },
  { code: 1200, key: "temporary", sentence: "Messenger had a temporary problem sending. The message will be retried." },
  { code: 2, key: "unexpected", sentence: "Meta had an unexpected problem. Try again in a moment." },
  { code: 100, key: "badParameter", sentence: "Messenger rejected a parameter of this message." },
];

/**
 * A readable sentence for a Send API error. `tagged`: the message went out with the HUMAN_AGENT
 * tag, so a permission refusal is about that tag. Falls back to Meta's own message.
 */
export function describeMessengerError({
  code,
  subcode = null,
  tagged = false,
  title = null,
}: {
  code: number | null | undefined;
  subcode?: number | null;
  tagged?: boolean;
  title?: string | null;
}): string {
  if (tagged && (code === 200 || code === 10) && subcode !== 2018278 && subcode !== 2018065 && subcode !== 2018108) {
    return HUMAN_AGENT_REFUSED;
  }
  const match =
    known.find((entry) => entry.code === code && entry.subcode !== undefined && entry.subcode === subcode) ??
    known.find((entry) => entry.code === code && entry.subcode === undefined);
  if (match) return match.sentence;
  if (code === 10) return OUTSIDE_WINDOW;
  return title || COULD_NOT_SEND;
}

/** Every sentence of this table with its message key, for wording a stored one in another language. */
export const messengerErrorSentences: { key: MessengerErrorKey; sentence: string }[] = [
  { key: "outsideWindow", sentence: OUTSIDE_WINDOW },
  { key: "humanAgentRefused", sentence: HUMAN_AGENT_REFUSED },
  { key: "couldNotSend", sentence: COULD_NOT_SEND },
  ...known.filter((entry) => entry.key !== "outsideWindow"),
];

/**
 * The message key of a stored error title, when it is one of this table's sentences; null for
 * Meta's own words, which are shown as they are.
 */
export function messengerErrorKey(title: string | null | undefined): MessengerErrorKey | null {
  return messengerErrorSentences.find((entry) => entry.sentence === title)?.key ?? null;
}
