// POST/DELETE /api/contacts/:id/spam — mark or clear a customer as spam, with a reason.
import { NextResponse } from "next/server";
import { z } from "zod";
import { requirePermission } from "@/lib/auth/guards";
import { handle, readJson } from "@/lib/http/route";
import { setContactSpam } from "@/lib/contacts/block-contact";

type Context = { params: Promise<{ id: string }> };

const reasonSchema = z.object({ reason: z.string().trim().min(3, { error: "Say why, in a few words." }).max(500) }).strict();

async function change(request: Request, { params }: Context, spam: boolean) {
  const user = await requirePermission("contact.block");
  const { reason } = await readJson(request, reasonSchema);
  await setContactSpam({ contactId: (await params).id, spam, reason, actor: user });
  return NextResponse.json({ spam });
}

export const POST = handle((request, context: Context) => change(request, context, true));
export const DELETE = handle((request, context: Context) => change(request, context, false));
