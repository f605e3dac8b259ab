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

const at = (max: number, what: string) => `${what} can be at most ${max.toLocaleString("en")} characters.`;

/** A change to the profile: any subset of the editable fields, plus a new photo's upload handle. */
export const profileChangeSchema = z
  .strictObject(
    {
      about: z
        .string({ error: "The about text must be text." })
        .trim()
        .min(1, { error: "The about text can't be empty: WhatsApp shows it under the name." })
        .max(profileLimits.about, { error: at(profileLimits.about, "The about text") }),
      description: z
        .string({ error: "The description must be text." })
        .trim()
        .max(profileLimits.description, { error: at(profileLimits.description, "The description") }),
      address: z
        .string({ error: "The address must be text." })
        .trim()
        .max(profileLimits.address, { error: at(profileLimits.address, "The address") }),
      email: z
        .string({ error: "The e-mail address must be text." })
        .trim()
        .max(profileLimits.email, { error: at(profileLimits.email, "The e-mail address") })
        .refine((value) => value === "" || EMAIL.test(value), { error: "Enter an e-mail address such as hello@example.com." }),
      websites: z
        .array(
          z
            .string({ error: "A website must be text." })
            .trim()
            .max(profileLimits.website, { error: at(profileLimits.website, "A website address") })
            .refine((value) => WEBSITE.test(value), {
              error: "A website must start with http:// or https://, such as https://example.com.",
            }),
          { error: "The websites must be a list." },
        )
        .max(profileLimits.websites, { error: "WhatsApp shows at most two websites." }),
      vertical: z.enum(verticals, { error: "Choose an industry from the list. Once set, it can be changed but not cleared." }),
      photoHandle: z.string({ error: "The photo must be uploaded first." }).min(1, { error: "The photo must be uploaded first." }),
    },
    { error: "Only about, description, address, email, websites, vertical and a new photo can be changed." },
  )
  .partial();

export type ProfileChange = z.output<typeof profileChangeSchema>;
export type ProfileChangeInput = z.input<typeof profileChangeSchema>;

/** The zod issues as one sentence per field: { about: "The about text can be at most 139 characters." }. */
export function fieldProblems(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "profile");
    fields[key] ??= issue.message;
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
