// GET/PATCH /api/contacts/:id — the contact panel: details, earlier conversations, history; edit attributes and notes.
import { NextResponse } from "next/server";
import { z } from "zod";
import { idParams, route } from "@/lib/http/route";
import { contactDetails, updateContact } from "@/lib/contacts/contact-details";

const patch = z
  .object({
    name: z.string().trim().max(120).nullable().optional(),
    language: z.string().trim().max(20).nullable().optional(),
    attributes: z.record(z.string().trim().min(1).max(40), z.string().max(500)).optional(),
    notes: z.string().max(4000).nullable().optional(),
  })
  .strict();

export const GET = route({ permission: "conversation.view", params: idParams }, async ({ user, params }) =>
  NextResponse.json(await contactDetails({ contactId: params.id, userId: user.id })),
);

export const PATCH = route({ permission: "contact.update", params: idParams, body: patch }, async ({ user, params, body }) =>
  NextResponse.json(await updateContact({ contactId: params.id, actor: user, changes: body })),
);
