// POST/DELETE /api/contacts/:id/block — block or unblock a customer (Meta's Block Users API and locally), with a reason.
import { NextResponse } from "next/server";
import { requirePermission } from "@/lib/auth/guards";
import { handle, readJson } from "@/lib/http/route";
import { reasonSchema, setContactBlocked } from "@/lib/contacts/block-contact";

type Context = { params: Promise<{ id: string }> };

async function change(request: Request, { params }: Context, blocked: boolean) {
  const user = await requirePermission("contact.block");
  const { reason } = await readJson(request, reasonSchema);
  return NextResponse.json(await setContactBlocked({ contactId: (await params).id, blocked, reason, actor: user }));
}

export const POST = handle((request, context: Context) => change(request, context, true));
export const DELETE = handle((request, context: Context) => change(request, context, false));
