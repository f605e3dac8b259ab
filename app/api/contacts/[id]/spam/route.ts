// POST/DELETE /api/contacts/:id/spam — mark or clear a customer as spam, with a reason.
import { NextResponse } from "next/server";
import { requirePermission } from "@/lib/auth/guards";
import { handle, readJson } from "@/lib/http/route";
import { reasonSchema, setContactSpam } from "@/lib/contacts/block-contact";

type Context = { params: Promise<{ id: string }> };

async function change(request: Request, { params }: Context, spam: boolean) {
  const user = await requirePermission("contact.block");
  const { reason } = await readJson(request, reasonSchema);
  await setContactSpam({ contactId: (await params).id, spam, reason, actor: user });
  return NextResponse.json({ spam });
}

export const POST = handle((request, context: Context) => change(request, context, true));
export const DELETE = handle((request, context: Context) => change(request, context, false));
