// GET/PATCH /api/conversations/:id — one conversation; change its status, snooze, assignee, team, labels or read state.
import { NextResponse } from "next/server";
import { z } from "zod";
import { requirePermission } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { handle, readJson } from "@/lib/http/route";
import { findConversationForUser } from "@/lib/inbox/find-conversation";
import { serializeConversation } from "@/lib/inbox/serializers";
import { updateConversation } from "@/lib/inbox/update-conversation";

type Context = { params: Promise<{ id: string }> };

const patch = z
  .object({
    status: z.enum(["OPEN", "PENDING", "SNOOZED", "RESOLVED"]).optional(),
    snoozedUntil: z.coerce.date().optional(),
    assigneeId: z.string().min(1).nullable().optional(),
    teamId: z.string().min(1).nullable().optional(),
    labelIds: z.array(z.string().min(1)).max(20).optional(),
    markRead: z.boolean().optional(),
  })
  .strict();

export const GET = handle(async (_request, { params }: Context) => {
  const user = await requirePermission("conversation.view");
  const { id } = await params;
  return NextResponse.json(serializeConversation(await findConversationForUser({ conversationId: id, userId: user.id })));
});

export const PATCH = handle(async (request, { params }: Context) => {
  const user = await requirePermission("conversation.update");
  const changes = await readJson(request, patch);
  if ((changes.assigneeId !== undefined || changes.teamId !== undefined) && !can(user.role, "conversation.assign")) {
    throw new AppError("FORBIDDEN", "Your role does not allow assigning conversations.");
  }
  const { id } = await params;
  return NextResponse.json(await updateConversation({ conversationId: id, actor: user, changes }));
});
