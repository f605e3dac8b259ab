import "server-only";
import { displayNameProblem, rejectionReason } from "@/lib/number-health/display-name-rules";
import { graphError, ok, type GraphReply } from "./graph-reply";
import { loadNumber, numberChannel, saveNumber, sendAccountWebhook, unknownNumberMessage, type NumberChannel } from "./phone-number-state";

// GET /{phone-number-id} and POST /{phone-number-id} (new_display_name, pin) as Meta answers them.
// A new display name is reviewed after REVIEW_MS: approved unless it breaks one of Meta's
// formatting rules, and the decision arrives as a signed phone_number_name_update webhook.

export const REVIEW_MS = 3_000;

export async function getPhoneNumber({
  phoneNumberId,
  query,
}: {
  phoneNumberId: string;
  query: URLSearchParams;
}): Promise<GraphReply | null> {
  const channel = await numberChannel(phoneNumberId);
  if (!channel) return null;
  const state = await loadNumber(phoneNumberId);
  const all: Record<string, unknown> = {
    id: phoneNumberId,
    display_phone_number: formatNumber(channel.displayPhoneNumber),
    verified_name: state.verified_name,
    name_status: state.name_status,
    new_name_status: state.new_name_status,
    ...(state.new_display_name ? { new_display_name: state.new_display_name } : {}),
    quality_rating: state.quality_rating,
    messaging_limit_tier: state.messaging_limit_tier,
    throughput: state.throughput,
    is_official_business_account: state.is_official_business_account,
    official_business_account: {
      oba_status: state.official_business_account.oba_status,
      ...(state.official_business_account.status_message ? { status_message: state.official_business_account.status_message } : {}),
    },
    code_verification_status: state.code_verification_status,
    platform_type: state.platform_type,
    account_mode: state.account_mode,
  };
  const wanted = query
    .get("fields")
    ?.split(",")
    .map((field) => field.trim())
    .filter(Boolean) ?? [
    "verified_name",
    "code_verification_status",
    "display_phone_number",
    "quality_rating",
    "platform_type",
    "throughput",
  ];
  return ok({ ...Object.fromEntries(wanted.filter((field) => field in all).map((field) => [field, all[field]])), id: phoneNumberId });
}

export async function updatePhoneNumber({ phoneNumberId, body }: { phoneNumberId: string; body: unknown }): Promise<GraphReply> {
  const channel = await numberChannel(phoneNumberId);
  if (!channel) return graphError(400, 100, unknownNumberMessage(phoneNumberId), "GraphMethodException");
  const request = (body ?? {}) as Record<string, unknown>;
  if (request.pin !== undefined) {
    if (typeof request.pin !== "string" || !/^\d{6}$/.test(request.pin))
      return graphError(400, 100, "(#100) Param pin must be a 6-digit number.");
    const state = await loadNumber(phoneNumberId);
    await saveNumber(phoneNumberId, { ...state, two_step_enabled: true });
    return ok({ success: true });
  }
  if (request.new_display_name !== undefined) {
    const name = request.new_display_name;
    if (typeof name !== "string" || !name.trim()) return graphError(400, 100, "(#100) Param new_display_name must be a non-empty string.");
    const state = await loadNumber(phoneNumberId);
    if (state.new_name_status === "PENDING_REVIEW")
      return graphError(400, 100, "(#100) A display name change is already under review for this phone number.");
    await saveNumber(phoneNumberId, { ...state, new_display_name: name, new_name_status: "PENDING_REVIEW" });
    setTimeout(() => void decideName(channel, name).catch((error) => console.error("[simulator] name review failed", error)), REVIEW_MS);
    return ok({ success: true });
  }
  return graphError(400, 100, "(#100) Nothing to update: give new_display_name or pin.");
}

async function decideName(channel: NumberChannel, name: string) {
  const state = await loadNumber(channel.phoneNumberId);
  if (state.new_display_name !== name || state.new_name_status !== "PENDING_REVIEW") return;
  const approved = displayNameProblem(name) === null;
  await saveNumber(channel.phoneNumberId, {
    ...state,
    ...(approved ? { verified_name: name, name_status: "APPROVED" } : {}),
    new_display_name: undefined,
    new_name_status: approved ? "APPROVED" : "DECLINED",
  });
  await sendAccountWebhook({
    channel,
    field: "phone_number_name_update",
    value: {
      display_phone_number: channel.displayPhoneNumber,
      decision: approved ? "APPROVED" : "REJECTED",
      requested_verified_name: name,
      rejection_reason: approved ? "NONE" : rejectionReason(name),
    },
  });
}

function formatNumber(digits: string): string {
  return digits.length > 10
    ? `+${digits.slice(0, digits.length - 10)} ${digits.slice(-10, -7)}-${digits.slice(-7, -4)}-${digits.slice(-4)}`
    : `+${digits}`;
}
