import { z } from "zod";
import { verticals } from "@/lib/whatsapp/verticals";

// The WhatsApp business profile as Switchboard shows and edits it, and Meta's rules for each field
// (whatsapp_business_profile): about 1–139 characters, description 512, address 256, email 128 and
// well-formed, at most two websites of 256 characters with http:// or https://, vertical from Meta's
// list (once set it cannot be cleared). One schema for the route and the form, so the browser
// refuses exactly what the server would, in the same sentences. Pure: no I/O.

export { verticals };
export type Vertical = (typeof verticals)[number];

export const profileLimits = { about: 139, description: 512, address: 256, email: 128, website: 256, websites: 2 } as const;

export const profileFields = ["about", "description", "address", "email", "websites", "vertical", "photoUrl"] as const;
export type ProfileField = (typeof profileFields)[number];

/** The profile as customers see it. Empty strings and an empty list stand for "not set". */
export type BusinessProfile = {
  about: string;
  description: string;
  address: string;
  email: string;
  websites: string[];
  vertical: string;
  photoUrl: string;
};

export const emptyProfile: BusinessProfile = {
  about: "",
  description: "",
  address: "",
  email: "",
  websites: [],
  vertical: "",
  photoUrl: "",
};

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
const WEBSITE = /^https?:\/\/[^\s/$.?#][^\s]*$/i;

// Each refusal is a key of the "profile" messages (rules.*), worded where the reader is known: the
// form words it in the browser, the route in the request's language (fieldProblems' `say`).
const rule = (key: string) => ({ error: `profile.rules.${key}` });

/** A change to the profile: any subset of the editable fields, plus a new photo's upload handle. */
export const profileChangeSchema = z
  .strictObject(
    {
      about: z.string(rule("aboutText")).trim().min(1, rule("aboutEmpty")).max(profileLimits.about, rule("aboutTooLong")),
      description: z.string(rule("descriptionText")).trim().max(profileLimits.description, rule("descriptionTooLong")),
      address: z.string(rule("addressText")).trim().max(profileLimits.address, rule("addressTooLong")),
      email: z
        .string(rule("emailText"))
        .trim()
        .max(profileLimits.email, rule("emailTooLong"))
        .refine((value) => value === "" || EMAIL.test(value), rule("emailInvalid")),
      websites: z
        .array(
          z
            .string(rule("websiteText"))
            .trim()
            .max(profileLimits.website, rule("websiteTooLong"))
            .refine((value) => WEBSITE.test(value), rule("websiteInvalid")),
          rule("websitesList"),
        )
        .max(profileLimits.websites, rule("websitesTooMany")),
      vertical: z.enum(verticals, rule("vertical")),
      photoHandle: z.string(rule("photoHandle")).min(1, rule("photoHandle")),
    },
    rule("onlyFields"),
  )
  .partial();

export type ProfileChange = z.output<typeof profileChangeSchema>;
export type ProfileChangeInput = z.input<typeof profileChangeSchema>;

/** The zod issues as one sentence per field ({ about: "The about text can be at most 139 characters." }), worded by `say`. */
export function fieldProblems(error: z.ZodError, say: (key: string) => string = (key) => key): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "profile");
    fields[key] ??= say(issue.message);
  }
  return fields;
}

/** Which fields differ between two profiles, each with its value before and after. */
export type ProfileChanges = Partial<Record<ProfileField, { before: unknown; after: unknown }>>;

export function diffProfiles(before: BusinessProfile, after: BusinessProfile): ProfileChanges {
  const changes: ProfileChanges = {};
  for (const field of profileFields) {
    if (!sameValue(field, before[field], after[field])) changes[field] = { before: before[field], after: after[field] };
  }
  return changes;
}

// A profile photo's address is signed and its query string expires (Meta's CDN), so two addresses
// name the same photo when everything before the query string is equal.
function sameValue(field: ProfileField, a: unknown, b: unknown): boolean {
  if (field === "photoUrl") return String(a ?? "").split("?")[0] === String(b ?? "").split("?")[0];
  return JSON.stringify(a ?? "") === JSON.stringify(b ?? "");
}

export const fieldLabels: Record<ProfileField, string> = {
  about: "About",
  description: "Description",
  address: "Address",
  email: "E-mail",
  websites: "Websites",
  vertical: "Industry",
  photoUrl: "Photo",
};
