import { GraphError } from "@/lib/whatsapp/graph-client";
import { describeMetaError } from "@/lib/whatsapp/error-messages";

// Meta's refusal of a profile change, in words and tied to a field where Meta names one
// ("(#100) Param about must be at most 139 characters long." → about).

export class ProfileRefusal extends Error {
  constructor(
    message: string,
    readonly fields: Record<string, string>,
  ) {
    super(message);
    this.name = "ProfileRefusal";
  }
}

const metaFields: Record<string, string> = {
  about: "about",
  address: "address",
  description: "description",
  email: "email",
  websites: "websites",
  vertical: "vertical",
  profile_picture_handle: "photoHandle",
};

export function profileRefusal(error: unknown): ProfileRefusal | null {
  if (!(error instanceof GraphError) || error.status < 400 || error.status >= 500 || error.code === 190) return null;
  const text = error.details && error.details !== error.message ? `${error.message} ${error.details}` : error.message;
  const named = /Param (\w+)/.exec(text)?.[1];
  const field = named ? (metaFields[named] ?? "profile") : "profile";
  const words = error.code === 100 ? text.replace(/^\(#\d+\)\s*/, "") : describeMetaError({ code: error.code, title: text });
  const sentence = `WhatsApp refused the change: ${words}`;
  return new ProfileRefusal(sentence, { [field]: sentence });
}
