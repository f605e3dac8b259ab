// GET/POST /api/canned-responses — saved replies agents insert with /shortcut; managers edit them.
import { NextResponse } from "next/server";
import { z } from "zod";
import { route } from "@/lib/http/route";
import { listCannedResponses, saveCannedResponse } from "@/lib/conversations/canned-responses";

const canned = z.object({
  shortcut: z
    .string()
    .trim()
    .min(1)
    .max(30)
    .regex(/^\/?[\w-]+$/, { error: "errors.cannedShortcut" }),
  title: z.string().trim().min(1).max(80),
  body: z.string().trim().min(1).max(4096),
});

export const GET = route({ permission: "inbox.view" }, async () => NextResponse.json({ items: await listCannedResponses() }));

export const POST = route({ permission: "canned.manage", body: canned }, async ({ user, body }) =>
  NextResponse.json(await saveCannedResponse({ ...body, actor: user }), { status: 201 }),
);
