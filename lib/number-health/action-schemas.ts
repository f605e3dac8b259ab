import { z } from "zod";

// The bodies of the number's actions, shared by the routes and the forms. Pure.

export const displayNameSchema = z.strictObject({
  name: z.string({ error: "Enter the new display name." }).min(1, { error: "Enter the new display name." }),
});

export const blueTickSchema = z.strictObject({
  business_website_url: z.url({ protocol: /^https?$/, error: "Give the business's website, starting with https://." }),
  primary_country_of_operation: z.string().trim().min(2, { error: "Name the country the business mainly works in." }),
  primary_language: z.string().trim().min(2, { error: "Name the language the business mainly uses." }),
  supporting_links: z
    .array(z.url({ protocol: /^https?$/, error: "Each supporting link must be a web address starting with https://." }))
    .min(1, { error: "Give at least one link to an article about the business (not paid or promotional)." })
    .max(5, { error: "Give at most five supporting links." }),
  parent_business_or_brand: z.string().trim().max(256).optional(),
  additional_supporting_information: z.string().trim().max(1000).optional(),
});

export const pinSchema = z.strictObject({
  pin: z.string({ error: "Enter a PIN of 6 digits." }).regex(/^\d{6}$/, { error: "The PIN must be exactly 6 digits." }),
  password: z.string({ error: "Enter your password to confirm." }).min(1, { error: "Enter your password to confirm." }),
});

export type BlueTickInput = z.input<typeof blueTickSchema>;
