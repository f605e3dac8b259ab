import { AppError } from "@/lib/errors";
import { phrase } from "@/lib/i18n/phrase";

// A channel is a WhatsApp number or a Facebook Page; only a number has a phone number id, a WABA
// and a display number. WhatsApp's own code asks for them through this, so a Page that reached it
// is refused with a sentence instead of a Graph call naming "null".

export type NumberIds = { phoneNumberId: string; wabaId: string; displayPhoneNumber: string };

/** Prisma's filter for WhatsApp numbers among the channels. */
export const whatsappChannels = { kind: "WHATSAPP" } as const;

export function numberIds(channel: {
  phoneNumberId: string | null;
  wabaId?: string | null;
  displayPhoneNumber?: string | null;
}): NumberIds {
  if (!channel.phoneNumberId) throw new AppError("UNPROCESSABLE", phrase("errors.notAWhatsAppNumber"));
  return { phoneNumberId: channel.phoneNumberId, wabaId: channel.wabaId ?? "", displayPhoneNumber: channel.displayPhoneNumber ?? "" };
}
