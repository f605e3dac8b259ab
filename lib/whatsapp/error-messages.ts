// Meta's error codes (from Meta's error code reference) as sentences an agent understands. One
// table: the thread, notifications and the API all read from here.

const sentences: Record<number, string> = {
  131047: "More than 24 h since the customer wrote: send a template.",
  131026: "WhatsApp could not deliver this: the number may not be on WhatsApp, may use an old app, or may have blocked you.",
  131050: "The customer has stopped marketing messages from you. Don't resend marketing.",
  131049: "Not delivered to protect the customer from too many marketing messages. Try again in a day or later.",
  130472: "Not delivered: the customer is part of a WhatsApp marketing experiment.",
  131051: "WhatsApp does not support this message type.",
  131056: "Too many messages to this customer in a short time. Wait a little before sending again.",
  130429: "The number's sending limit was reached. The message will be retried.",
  80007: "The WhatsApp account's rate limit was reached. The message will be retried.",
  4: "The app's rate limit was reached. The message will be retried.",
  131048: "Sending is restricted because too many customers reported this number as spam.",
  130403: "You have blocked this customer. Unblock them to send.",
  131052: "The customer's file could not be downloaded from WhatsApp.",
  131053: "The file could not be uploaded to WhatsApp. Check its type and size.",
  131042: "There is a problem with the WhatsApp account's payment method.",
  131031: "The WhatsApp account is restricted or disabled.",
  368: "The WhatsApp account is temporarily blocked for policy violations.",
  132000: "The template's variables don't match: check the number of parameters.",
  132001: "This template doesn't exist in that language or isn't approved yet.",
  132012: "A template variable has the wrong format.",
  132015: "This template is paused because of low quality.",
  132016: "This template was disabled because of low quality.",
  131057: "The WhatsApp account is under maintenance. Try again shortly.",
  131063: "Marketing messages are turned off for this account on the Cloud API.",
  131037: "The business number needs an approved display name before it can send.",
  131021: "You cannot message your own business number.",
  131000: "WhatsApp had an internal problem. Try again.",
  2: "WhatsApp's service was temporarily unavailable. Try again later.",
  190: "The WhatsApp access token has expired or is invalid. An admin must renew it.",
  100: "WhatsApp rejected a parameter of this message.",
};

/** A readable sentence for a Meta error; falls back to Meta's own title or a generic sentence. */
export function describeMetaError({ code, title }: { code: number | null | undefined; title?: string | null }): string {
  if (code != null && sentences[code]) return sentences[code];
  if (title) return title;
  return "WhatsApp could not send this message.";
}
