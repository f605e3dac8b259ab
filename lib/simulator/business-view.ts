import "server-only";
import { storedProfile, updateBusinessProfile } from "./business-profile";
import { loadNumber, numberChannel } from "./phone-number-state";
import type { GraphReply } from "./graph-reply";

// What a customer's phone shows of the business (the chat header and its business info), and the
// simulator's stand-in for WhatsApp Manager, which changes the profile without Switchboard.

export async function businessView({ phoneNumberId }: { phoneNumberId: string }) {
  const channel = await numberChannel(phoneNumberId);
  const number = await loadNumber(phoneNumberId);
  const profile = await storedProfile(phoneNumberId);
  return {
    name: number.verified_name,
    displayPhoneNumber: channel?.displayPhoneNumber ?? "",
    officialBusinessAccount: number.is_official_business_account,
    about: profile.about ?? "",
    description: profile.description ?? "",
    address: profile.address ?? "",
    email: profile.email ?? "",
    websites: profile.websites ?? [],
    vertical: profile.vertical ?? "",
    photoUrl: profile.profile_picture_url ?? "",
  };
}

/** WhatsApp Manager's edit: the same rules and errors as the Graph API, without going through Switchboard. */
export function editInWhatsAppManager({
  phoneNumberId,
  changes,
}: {
  phoneNumberId: string;
  changes: Record<string, unknown>;
}): Promise<GraphReply> {
  return updateBusinessProfile({ phoneNumberId, body: { ...changes, messaging_product: "whatsapp" } });
}
