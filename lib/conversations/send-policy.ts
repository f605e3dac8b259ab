import { AppError } from "@/lib/errors";

// Who may be sent what (docs/architecture.md, "Sending"): free-form messages only inside the 24 h
// customer service window; templates at any time, but only ones Meta approved; no marketing to a
// customer who stopped it; nothing to a customer the business blocked, nor through a channel an
// admin disabled. Pure, so it is unit-tested
// and the retry endpoint applies the same rules as the first send.

export type PolicyTemplate = { name: string; language: string; status: string; category: string };

export function checkSendPolicy({
  kind,
  windowOpen,
  template,
  contact,
  channel,
}: {
  kind: "template" | "free_form";
  windowOpen: boolean;
  template?: PolicyTemplate | null;
  contact: { marketingOptOut: boolean; blockedAt: Date | null };
  channel: { disabledAt: Date | null };
}): void {
  if (channel.disabledAt) {
    throw new AppError("UNPROCESSABLE", "This inbox's WhatsApp number is disabled. An admin can enable it again in Settings → Channels.");
  }
  if (contact.blockedAt) {
    throw new AppError("UNPROCESSABLE", "You have blocked this customer. Unblock them to send.");
  }
  if (kind === "free_form") {
    if (!windowOpen) {
      throw new AppError(
        "WINDOW_CLOSED",
        "More than 24 hours have passed since the customer last wrote, so WhatsApp only allows an approved template.",
      );
    }
    return;
  }
  if (!template) return;
  if (template.status.toUpperCase() !== "APPROVED") {
    throw new AppError(
      "UNPROCESSABLE",
      `The template "${template.name}" (${template.language}) is ${template.status.toLowerCase().replace(/_/g, " ")} at Meta: only approved templates can be sent.`,
      [{ path: "template.name", message: "Pick an approved template." }],
    );
  }
  if (template.category.toUpperCase() === "MARKETING" && contact.marketingOptOut) {
    throw new AppError(
      "UNPROCESSABLE",
      "The customer has stopped marketing messages from you, so marketing templates can't be sent to them.",
      [{ path: "template.name", message: "Pick a utility template, or wait until the customer resumes marketing messages." }],
    );
  }
}

/** How a Messenger message may go out: a plain response, or tagged HUMAN_AGENT. */
export type MessengerMessaging = { type: "RESPONSE" } | { type: "MESSAGE_TAG"; tag: "HUMAN_AGENT" };

/**
 * Messenger's rules for a reply (docs/architecture.md, "Sending"): inside 24 h a plain response;
 * from 24 h to 7 days only with the HUMAN_AGENT tag, which the agent asks for and the admin has
 * allowed for the Page (its app has Meta's Human Agent permission); after 7 days nothing. Also
 * the rules every channel shares: no sending through a disabled channel or to a blocked customer.
 */
export function checkMessengerPolicy({
  window,
  humanAgentTag,
  contact,
  channel,
}: {
  window: "open" | "human_agent" | "closed";
  humanAgentTag: boolean;
  contact: { blockedAt: Date | null };
  channel: { disabledAt: Date | null; humanAgentEnabled: boolean };
}): MessengerMessaging {
  if (channel.disabledAt) {
    throw new AppError("UNPROCESSABLE", "This inbox's Facebook Page is disabled. An admin can enable it again in Settings → Channels.");
  }
  if (contact.blockedAt) throw new AppError("UNPROCESSABLE", "You have blocked this customer. Unblock them to send.");
  if (window === "open") return { type: "RESPONSE" };
  if (window === "closed") {
    throw new AppError(
      "WINDOW_CLOSED",
      "More than 7 days have passed since the customer last wrote, so Messenger allows no reply until they write again.",
    );
  }
  if (!channel.humanAgentEnabled) {
    throw new AppError(
      "WINDOW_CLOSED",
      "More than 24 hours have passed since the customer last wrote. Messenger then allows only a person's reply with the HUMAN_AGENT tag, and this Page isn't marked as having that permission.",
    );
  }
  if (!humanAgentTag) {
    throw new AppError(
      "WINDOW_CLOSED",
      "More than 24 hours have passed since the customer last wrote: send it as a human agent reply (the HUMAN_AGENT tag), which Messenger allows for 7 days.",
      [{ path: "tag", message: "Confirm the reply is written by a person." }],
    );
  }
  return { type: "MESSAGE_TAG", tag: "HUMAN_AGENT" };
}
