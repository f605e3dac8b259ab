import { graphRequest } from "./graph-client";

// GET and POST /{phone-number-id}: the number's names, quality, limits, blue tick and two-step
// verification, in Meta's field names.

export const phoneNumberFields = [
  "verified_name",
  "display_phone_number",
  "quality_rating",
  "messaging_limit_tier",
  "throughput",
  "is_official_business_account",
  "official_business_account",
  "code_verification_status",
  "name_status",
  "new_name_status",
  "new_display_name",
  "platform_type",
  "account_mode",
] as const;

export type PhoneNumberInfo = {
  id?: string;
  verified_name?: string;
  display_phone_number?: string;
  quality_rating?: string;
  messaging_limit_tier?: string;
  throughput?: { level?: string };
  is_official_business_account?: boolean;
  official_business_account?: { oba_status?: string; status_message?: string };
  code_verification_status?: string;
  name_status?: string;
  new_name_status?: string;
  new_display_name?: string;
  platform_type?: string;
  account_mode?: string;
};

export function readPhoneNumber({ phoneNumberId }: { phoneNumberId: string }): Promise<PhoneNumberInfo> {
  return graphRequest<PhoneNumberInfo>({
    as: { phoneNumberId },
    method: "GET",
    path: `${phoneNumberId}?fields=${phoneNumberFields.join(",")}`,
  });
}

/** Asks Meta to review a new display name; the decision arrives as a phone_number_name_update webhook. */
export async function requestDisplayName({ phoneNumberId, name }: { phoneNumberId: string; name: string }): Promise<void> {
  await graphRequest<{ success: boolean }>({
    as: { phoneNumberId },
    method: "POST",
    path: phoneNumberId,
    body: { new_display_name: name },
  });
}

/** Sets the two-step verification PIN. The PIN passes through; nothing here keeps or logs it. */
export async function setTwoStepPin({ phoneNumberId, pin }: { phoneNumberId: string; pin: string }): Promise<void> {
  await graphRequest<{ success: boolean }>({ as: { phoneNumberId }, method: "POST", path: phoneNumberId, body: { pin } });
}

export type OfficialBusinessAccountRequest = {
  business_website_url: string;
  primary_country_of_operation: string;
  primary_language: string;
  supporting_links: string[];
  parent_business_or_brand?: string;
  additional_supporting_information?: string;
};

/** Requests the blue tick (Official Business Account); Meta decides later. */
export async function requestOfficialBusinessAccount({
  phoneNumberId,
  request,
}: {
  phoneNumberId: string;
  request: OfficialBusinessAccountRequest;
}): Promise<void> {
  await graphRequest<{ success: boolean }>({
    as: { phoneNumberId },
    method: "POST",
    path: `${phoneNumberId}/official_business_account`,
    body: request,
  });
}
