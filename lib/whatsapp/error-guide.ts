// Meta's title for each error code and what to do about it, beside the agent's sentence of
// error-messages.ts: the failures statistics show all three. Pure.

import { describeMetaError } from "./error-messages";

const guide: Record<number, { title: string; action: string }> = {
  131047: { title: "Re-engagement message", action: "Send an approved template; free-form replies wait until the customer writes." },
  131026: { title: "Message undeliverable", action: "Check the number is on WhatsApp; ask the customer to update the app or unblock you." },
  131050: { title: "User has stopped marketing messages", action: "Don't resend marketing; utility and service messages still go." },
  131049: { title: "Meta chose not to deliver", action: "Send the marketing message later, and not to the same customer again today." },
  130472: { title: "User's number is part of an experiment", action: "Nothing to fix: send again later." },
  131051: { title: "Unsupported message type", action: "Send a type WhatsApp supports." },
  131056: { title: "Pair rate limit hit", action: "Wait a little before writing to this customer again." },
  130429: { title: "Rate limit hit", action: "Spread sends over time; these are retried automatically." },
  80007: { title: "Rate limit issues", action: "Spread sends over time; these are retried automatically." },
  4: { title: "API too many calls", action: "Spread sends over time; these are retried automatically." },
  131048: { title: "Spam rate limit hit", action: "Check the number's quality rating and send fewer unsolicited messages." },
  130403: { title: "Recipient blocked", action: "Unblock the customer before sending." },
  131052: { title: "Media download error", action: "Ask the customer to send the file again." },
  131053: { title: "Media upload error", action: "Check the file's type and size against WhatsApp's limits." },
  131042: { title: "Business eligibility payment issue", action: "An admin fixes the payment method in WhatsApp Manager." },
  131031: { title: "Account has been locked", action: "An admin checks the account's status in WhatsApp Manager." },
  368: { title: "Temporarily blocked for policy violations", action: "An admin reviews the policy notice in WhatsApp Manager." },
  132000: { title: "Number of parameters does not match", action: "Fix the template's variables: their number must match the template." },
  132001: { title: "Template does not exist", action: "Sync templates and pick one approved in this language." },
  132012: { title: "Parameter format mismatch", action: "Fix the variable's format (currency, date, media) to match the template." },
  132015: { title: "Template is paused", action: "Edit the template to improve its quality, or use another." },
  132016: { title: "Template is disabled", action: "Create a new template; this one can no longer be sent." },
  131057: { title: "Account in maintenance mode", action: "Try again shortly." },
  131063: { title: "Marketing messages unavailable", action: "An admin enables marketing messages for the account." },
  131037: { title: "Display name approval needed", action: "An admin gets the display name approved in WhatsApp Manager." },
  131021: { title: "Recipient cannot be sender", action: "Send to the customer's number, not the business's." },
  131000: { title: "Something went wrong", action: "Retry; if it persists, check Meta's status page." },
  190: { title: "Access token expired", action: "An admin renews the access token." },
  100: { title: "Invalid parameter", action: "Check the message's content against WhatsApp's limits." },
};

/** Meta's title, the agent's sentence and what to do, for an error code (null: the send failed before Meta answered). */
export function errorGuide(code: number | null): { title: string; explanation: string; action: string } {
  if (code === null)
    return {
      title: "Not sent",
      explanation: "The message failed before WhatsApp answered.",
      action: "Check the number's connection and credentials, then retry.",
    };
  const known = guide[code];
  return {
    title: known?.title ?? `Error ${code}`,
    explanation: describeMetaError({ code }),
    action: known?.action ?? "Look the code up in Meta's error code reference.",
  };
}
