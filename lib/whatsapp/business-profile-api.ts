import { emptyProfile, type BusinessProfile } from "@/lib/business-profile/profile-schema";
import { graphRequest } from "./graph-client";

// GET and POST /{phone-number-id}/whatsapp_business_profile, translated between Meta's field
// names (profile_picture_url, profile_picture_handle) and the profile Switchboard shows.

const FIELDS = "about,address,description,email,profile_picture_url,websites,vertical";

type MetaProfile = {
  about?: string;
  address?: string;
  description?: string;
  email?: string;
  websites?: string[];
  vertical?: string;
  profile_picture_url?: string;
};

export async function readBusinessProfile({ phoneNumberId }: { phoneNumberId: string }): Promise<BusinessProfile> {
  const answer = await graphRequest<{ data?: MetaProfile[] }>({
    as: { phoneNumberId },
    method: "GET",
    path: `${phoneNumberId}/whatsapp_business_profile?fields=${FIELDS}`,
  });
  const meta = answer.data?.[0] ?? {};
  return {
    ...emptyProfile,
    about: meta.about ?? "",
    address: meta.address ?? "",
    description: meta.description ?? "",
    email: meta.email ?? "",
    websites: Array.isArray(meta.websites) ? meta.websites.filter((site) => typeof site === "string") : [],
    vertical: meta.vertical ?? "",
    photoUrl: meta.profile_picture_url ?? "",
  };
}

export type ProfileWrite = Partial<Omit<BusinessProfile, "photoUrl">> & { photoHandle?: string };

/** Posts only the given fields, with messaging_product as Meta requires. */
export async function writeBusinessProfile({ phoneNumberId, fields }: { phoneNumberId: string; fields: ProfileWrite }): Promise<void> {
  const { photoHandle, ...rest } = fields;
  await graphRequest<{ success: boolean }>({
    as: { phoneNumberId },
    method: "POST",
    path: `${phoneNumberId}/whatsapp_business_profile`,
    body: { messaging_product: "whatsapp", ...rest, ...(photoHandle ? { profile_picture_handle: photoHandle } : {}) },
  });
}
