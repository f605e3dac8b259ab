// The Messenger Platform's Send API errors (Meta's "Common Error Codes") as sentences an agent
// understands. One table, pure: the send job stores the sentence as the message's error title, and
// the thread shows it for Messenger conversations.

type Known = { code: number; subcode?: number; sentence: string };

export const OUTSIDE_WINDOW =
  "The customer last wrote more than 24 hours ago, so Messenger refused a normal reply. Within 7 days a person may answer with the HUMAN_AGENT tag; after that, only when the customer writes again.";
export const HUMAN_AGENT_REFUSED =
  "Meta refused the HUMAN_AGENT tag: this Page's app doesn't have the Human Agent permission. An admin should check the app in Meta's App Review, and unmark the Page in Settings → Channels until it is granted.";

const known: Known[] = [
  { code: 10, subcode: 2018278, sentence: OUTSIDE_WINDOW },
  { code: 10, subcode: 2018065, sentence: OUTSIDE_WINDOW },
  { code: 10, subcode: 2018108, sentence: OUTSIDE_WINDOW },
  { code: 551, sentence: "This person isn't available on Messenger right now: they may have blocked the Page or closed their account." },
  { code: 100, subcode: 2018001, sentence: "Messenger knows no such customer for this Page (no matching user)." },
  { code: 190, sentence: "The Page access token has expired or is invalid. An admin must enter a new one in Settings → Channels." },
  { code: 230, sentence: "The Page's app lacks the pages_messaging permission, so it cannot send messages." },
  { code: 200, sentence: "Meta refused this message for a missing permission of the Page's app." },
  { code: 4, sentence: "Messenger's rate limit for the app was reached. The message will be retried." },
  { code: 17, sentence: "Messenger's rate limit was reached. The message will be retried." },
  { code: 32, sentence: "The Page's rate limit was reached. The message will be retried." },
  { code: 613, sentence: "Too many messages in a short time: Messenger's rate limit was reached. The message will be retried." },
  { code: 1200, sentence: "Messenger had a temporary problem sending. The message will be retried." },
  { code: 2, sentence: "Meta had an unexpected problem. Try again in a moment." },
  { code: 100, sentence: "Messenger rejected a parameter of this message." },
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
  return title || "Messenger could not send this message.";
}
