// GET/PATCH /api/conversations/:id — one conversation; change its status, snooze, assignee, team, labels or read state.
import { NextResponse } from "next/server";
import { z } from "zod";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { phrase } from "@/lib/i18n/phrase";
import { idParams, route } from "@/lib/http/route";
import { findConversationForUser } from "@/lib/conversations/find-conversation";
import { serializeConversation } from "@/lib/conversations/serializers";
import { updateConversation } from "@/lib/conversations/update-conversation";

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

export const GET = route({ permission: "conversation.view", params: idParams }, async ({ user, params }) =>
  NextResponse.json(serializeConversation(await findConversationForUser({ conversationId: params.id, userId: user.id }))),
);

export const PATCH = route({ permission: "conversation.update", params: idParams, body: patch }, async ({ user, params, body }) => {
  if ((body.assigneeId !== undefined || body.teamId !== undefined) && !can(user.role, "conversation.assign")) {
    throw new AppError("FORBIDDEN", phrase("errors.cannotAssign"));
  }
  return NextResponse.json(await updateConversation({ conversationId: params.id, actor: user, changes: body }));
});
