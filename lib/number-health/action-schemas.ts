import { z } from "zod";

// The bodies of the number's actions, shared by the routes and the forms. A refusal names a key of
// the "numberHealth" messages (rules.*), worded by the route in the request's language. Pure.

const rule = (key: string) => ({ error: `numberHealth.rules.${key}` });

export const displayNameSchema = z.strictObject({
  name: z.string(rule("enterName")).min(1, rule("enterName")),
});

export const blueTickSchema = z.strictObject({
  business_website_url: z.url({ protocol: /^https?$/, ...rule("website") }),
  primary_country_of_operation: z.string().trim().min(2, rule("country")),
  primary_language: z.string().trim().min(2, rule("language")),
  supporting_links: z
    .array(z.url({ protocol: /^https?$/, ...rule("link") }))
    .min(1, rule("linksMissing"))
    .max(5, rule("linksTooMany")),
  parent_business_or_brand: z.string().trim().max(256).optional(),
  additional_supporting_information: z.string().trim().max(1000).optional(),
});

export const pinSchema = z.strictObject({
  pin: z.string(rule("enterPin")).regex(/^\d{6}$/, rule("pinDigits")),
  password: z.string(rule("enterPassword")).min(1, rule("enterPassword")),
});

export type BlueTickInput = z.input<typeof blueTickSchema>;
