// GET/PATCH /api/contacts/:id — the contact panel: details, earlier conversations, history; edit attributes and notes.
import { NextResponse } from "next/server";
import { z } from "zod";
import { requirePermission } from "@/lib/auth/guards";
import { handle, readJson } from "@/lib/http/route";
import { contactDetails, updateContact } from "@/lib/contacts/contact-details";

type Context = { params: Promise<{ id: string }> };

const patch = z
  .object({
    name: z.string().trim().max(120).nullable().optional(),
    language: z.string().trim().max(20).nullable().optional(),
    attributes: z.record(z.string().trim().min(1).max(40), z.string().max(500)).optional(),
    notes: z.string().max(4000).nullable().optional(),
  })
  .strict();

export const GET = handle(async (_request, { params }: Context) => {
  const user = await requirePermission("conversation.view");
  return NextResponse.json(await contactDetails({ contactId: (await params).id, userId: user.id }));
});

export const PATCH = handle(async (request, { params }: Context) => {
  const user = await requirePermission("contact.update");
  const changes = await readJson(request, patch);
  return NextResponse.json(await updateContact({ contactId: (await params).id, actor: user, changes }));
});
