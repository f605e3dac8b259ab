import "server-only";
import { graphError, ok, type GraphReply } from "./graph-reply";
import { loadNumber, numberChannel, saveNumber, sendAccountWebhook, unknownNumberMessage, type NumberChannel } from "./phone-number-state";

// POST /{phone-number-id}/official_business_account: a request for the blue tick. The simulator
// decides after DECISION_MS, as Meta's review would on the things it can see: an approved display
// name, two-step verification, and a website with supporting links. A refusal can be requested
// again only after 30 days. The decision arrives as an account_alerts webhook (OBA_APPROVED /
// OBA_REJECTED).

export const DECISION_MS = 3_000;
const RETRY_AFTER_MS = 30 * 86_400_000;

export async function requestOfficialBusinessAccount({
  phoneNumberId,
  body,
}: {
  phoneNumberId: string;
  body: unknown;
}): Promise<GraphReply> {
  const channel = await numberChannel(phoneNumberId);
  if (!channel) return graphError(400, 100, unknownNumberMessage(phoneNumberId), "GraphMethodException");
  const request = (body ?? {}) as Record<string, unknown>;
  for (const field of ["business_website_url", "primary_country_of_operation", "primary_language"]) {
    if (typeof request[field] !== "string" || !(request[field] as string).trim())
      return graphError(400, 100, `(#100) Param ${field} is required.`);
  }
  if (!/^https?:\/\//.test(request.business_website_url as string))
    return graphError(400, 100, "(#100) Param business_website_url must be a URL.");
  const links = request.supporting_links;
  if (!Array.isArray(links) || links.length === 0 || links.some((link) => typeof link !== "string" || !/^https?:\/\//.test(link)))
    return graphError(400, 100, "(#100) Param supporting_links must list at least one URL.");

  const state = await loadNumber(phoneNumberId);
  const oba = state.official_business_account;
  if (state.is_official_business_account) return graphError(400, 100, "(#100) This phone number is already an Official Business Account.");
  if (oba.oba_status === "PENDING") return graphError(400, 100, "(#100) An Official Business Account request is already under review.");
  if (oba.oba_status === "REJECTED" && oba.decided_at && Date.now() - Date.parse(oba.decided_at) < RETRY_AFTER_MS)
    return graphError(400, 100, "(#100) The previous request was rejected less than 30 days ago. Try again later.");
  await saveNumber(phoneNumberId, { ...state, official_business_account: { oba_status: "PENDING" } });
  setTimeout(() => void decide(channel).catch((error) => console.error("[simulator] blue tick review failed", error)), DECISION_MS);
  return ok({ success: true });
}

async function decide(channel: NumberChannel) {
  const state = await loadNumber(channel.phoneNumberId);
  if (state.official_business_account.oba_status !== "PENDING") return;
  const missing = [
    state.name_status === "APPROVED" ? null : "an approved display name",
    state.two_step_enabled ? null : "two-step verification",
  ].filter(Boolean);
  const approved = missing.length === 0;
  const message = approved ? "Approved" : `The number needs ${missing.join(" and ")}.`;
  await saveNumber(channel.phoneNumberId, {
    ...state,
    is_official_business_account: approved,
    official_business_account: {
      oba_status: approved ? "APPROVED" : "REJECTED",
      status_message: message,
      decided_at: new Date().toISOString(),
    },
  });
  await sendAccountWebhook({
    channel,
    field: "account_alerts",
    value: {
      entity_type: "PHONE_NUMBER",
      entity_id: channel.phoneNumberId,
      alert_info: {
        alert_severity: approved ? "INFORMATIONAL" : "WARNING",
        alert_status: "ACTIVE",
        alert_type: approved ? "OBA_APPROVED" : "OBA_REJECTED",
        alert_description: approved
          ? "The phone number is now an Official Business Account."
          : `The Official Business Account request was rejected. ${message}`,
      },
    },
  });
}
