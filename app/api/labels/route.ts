// GET/POST /api/labels — the labels conversations can carry; managers and admins add new ones.
import { NextResponse } from "next/server";
import { z } from "zod";
import { requirePermission } from "@/lib/auth/guards";
import { handle, readJson } from "@/lib/http/route";
import { createLabel, listLabels } from "@/lib/inbox/workspace-lists";

const label = z.object({
  name: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[\w -]+$/, { error: "Letters, digits, spaces and dashes only." }),
  color: z.enum(["slate", "red", "amber", "emerald", "sky", "violet", "pink"]).default("slate"),
});

export const GET = handle(async () => {
  await requirePermission("inbox.view");
  return NextResponse.json({ items: await listLabels() });
});

export const POST = handle(async (request) => {
  const user = await requirePermission("labels.manage");
  return NextResponse.json(await createLabel({ ...(await readJson(request, label)), actor: user }), { status: 201 });
});
