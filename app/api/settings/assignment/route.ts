// GET/PATCH /api/settings/assignment — round-robin per inbox and the caps on each agent (admins).
import { NextResponse } from "next/server";
import { z } from "zod";
import { route } from "@/lib/http/route";
import { assignmentSettings, updateAssignmentSettings } from "@/lib/conversations/assignment-settings";

const cap = z.number().int().min(1).max(500);
const patch = z.strictObject({
  inboxes: z
    .array(z.strictObject({ id: z.string().min(1), autoAssign: z.boolean(), maxOpenPerAgent: cap }))
    .max(100)
    .optional(),
  agents: z
    .array(z.strictObject({ id: z.string().min(1), maxOpenConversations: cap.nullable() }))
    .max(1000)
    .optional(),
});

export const GET = route({ permission: "settings.manage" }, async () => NextResponse.json(await assignmentSettings()));

export const PATCH = route({ permission: "settings.manage", body: patch }, async ({ user, body }) =>
  NextResponse.json(await updateAssignmentSettings({ ...body, actor: user })),
);
