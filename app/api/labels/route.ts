// GET/POST /api/labels — the labels conversations can carry; managers and admins add new ones.
import { NextResponse } from "next/server";
import { z } from "zod";
import { route } from "@/lib/http/route";
import { createLabel, listLabels } from "@/lib/conversations/labels";

const label = z.object({
  name: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[\w -]+$/, { error: "errors.labelName" }),
  color: z.enum(["slate", "red", "amber", "emerald", "sky", "violet", "pink"]).default("slate"),
});

export const GET = route({ permission: "inbox.view" }, async () => NextResponse.json({ items: await listLabels() }));

export const POST = route({ permission: "labels.manage", body: label }, async ({ user, body }) =>
  NextResponse.json(await createLabel({ ...body, actor: user }), { status: 201 }),
);
