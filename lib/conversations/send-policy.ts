import { AppError } from "@/lib/errors";
import { phrase } from "@/lib/i18n/phrase";

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
    throw new AppError("UNPROCESSABLE", phrase("errors.sendNumberDisabled"));
  }
  if (contact.blockedAt) {
    throw new AppError("UNPROCESSABLE", phrase("errors.sendCustomerBlocked"));
  }
  if (kind === "free_form") {
    if (!windowOpen) {
      throw new AppError("WINDOW_CLOSED", phrase("errors.sendWindowClosed"));
    }
    return;
  }
  if (!template) return;
  if (template.status.toUpperCase() !== "APPROVED") {
    throw new AppError(
      "UNPROCESSABLE",
      phrase("errors.sendTemplateNotApproved", {
        name: template.name,
        language: template.language,
        status: template.status.toLowerCase(),
        label: template.status.toLowerCase().replace(/_/g, " "),
      }),
      [{ path: "template.name", message: phrase("errors.fieldPickApprovedTemplate") }],
    );
  }
  if (template.category.toUpperCase() === "MARKETING" && contact.marketingOptOut) {
    throw new AppError("UNPROCESSABLE", phrase("errors.sendMarketingStopped"), [
      { path: "template.name", message: phrase("errors.fieldPickUtilityTemplate") },
    ]);
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
    throw new AppError("UNPROCESSABLE", phrase("errors.sendPageDisabled"));
  }
  if (contact.blockedAt) throw new AppError("UNPROCESSABLE", phrase("errors.sendCustomerBlocked"));
  if (window === "open") return { type: "RESPONSE" };
  if (window === "closed") {
    throw new AppError("WINDOW_CLOSED", phrase("errors.sendMessengerClosed"));
  }
  if (!channel.humanAgentEnabled) {
    throw new AppError("WINDOW_CLOSED", phrase("errors.sendMessengerNoHumanAgent"));
  }
  if (!humanAgentTag) {
    throw new AppError("WINDOW_CLOSED", phrase("errors.sendMessengerNeedsTag"), [
      { path: "tag", message: phrase("errors.fieldConfirmPerson") },
    ]);
  }
  return { type: "MESSAGE_TAG", tag: "HUMAN_AGENT" };
}
