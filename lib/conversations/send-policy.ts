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
