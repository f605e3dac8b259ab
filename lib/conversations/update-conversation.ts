import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { phrase } from "@/lib/i18n/phrase";
import { conversationUpdated } from "@/lib/realtime/build-events";
import { publish, type Publication } from "@/lib/realtime/publish";
import { findConversationForUser } from "./find-conversation";
import { sendReadReceipt } from "./mark-read";
import type { Activity } from "./activity";
import { notify } from "./notify";
import { recordActivity } from "./record-activity";
import { conversationInclude, displayName } from "./serializers";
import type { ConversationDto, ConversationStatus } from "./types";

export type ConversationChanges = {
  status?: ConversationStatus;
  snoozedUntil?: Date;
  assigneeId?: string | null;
  teamId?: string | null;
  labelIds?: string[];
  markRead?: boolean;
};

/**
 * Everything an agent changes about a conversation: status (snoozing needs a time), assignee,
 * team, labels, read state. Each visible change leaves an activity line in the thread; a new
 * assignee other than the actor is notified.
 */
export async function updateConversation({
  conversationId,
  actor,
  changes,
}: {
  conversationId: string;
  actor: { id: string; name: string };
  changes: ConversationChanges;
}): Promise<ConversationDto> {
  const conversation = await findConversationForUser({ conversationId, userId: actor.id });
  if (changes.status === "SNOOZED" && (!changes.snoozedUntil || changes.snoozedUntil <= new Date())) {
    throw new AppError("UNPROCESSABLE", phrase("errors.snoozeInPast"));
  }
  const assignee = changes.assigneeId ? await inboxMember(conversation.inboxId, changes.assigneeId) : null;
  const team = changes.teamId ? await db.team.findUnique({ where: { id: changes.teamId } }) : null;
  if (changes.teamId && !team) throw new AppError("UNPROCESSABLE", phrase("errors.noSuchTeam"));
  if (changes.labelIds?.length) {
    const found = await db.label.count({ where: { id: { in: changes.labelIds } } });
    if (found !== new Set(changes.labelIds).size) throw new AppError("UNPROCESSABLE", phrase("errors.noSuchLabel"));
  }

  const { updated, publications } = await db.$transaction(async (tx) => {
    const publications: Publication[] = [];
    const activity = (entry: Activity) =>
      recordActivity({ tx, conversation, actorId: actor.id, activity: entry }).then((p) => publications.push(p));
    const byActor = (kind: "resolved" | "reopened" | "pending" | "unassigned" | "took" | "teamRemoved") =>
      activity({ kind, params: { actor: actor.name } });
    const statusChanged = changes.status && changes.status !== conversation.status;

    if (statusChanged && changes.status === "RESOLVED") await byActor("resolved");
    if (statusChanged && changes.status === "OPEN") await byActor("reopened");
    if (statusChanged && changes.status === "PENDING") await byActor("pending");
    if (changes.status === "SNOOZED" && changes.snoozedUntil) {
      await activity({ kind: "snoozed", params: { actor: actor.name, until: changes.snoozedUntil.toISOString() } });
    }
    if (changes.assigneeId !== undefined && changes.assigneeId !== conversation.assigneeId) {
      if (!assignee) await byActor("unassigned");
      else if (assignee.id === actor.id) await byActor("took");
      else {
        await activity({ kind: "assigned", params: { actor: actor.name, assignee: assignee.name } });
        publications.push(
          await notify({
            tx,
            userId: assignee.id,
            kind: "assigned",
            params: { actor: actor.name, customer: displayName(conversation.contact) },
            conversationId,
          }),
        );
      }
    }
    if (changes.teamId !== undefined && changes.teamId !== conversation.teamId) {
      if (team) await activity({ kind: "teamAssigned", params: { actor: actor.name, team: team.name } });
      else await byActor("teamRemoved");
    }
    if (changes.labelIds) {
      await tx.conversationLabel.deleteMany({ where: { conversationId, labelId: { notIn: changes.labelIds } } });
      await tx.conversationLabel.createMany({
        data: changes.labelIds.map((labelId) => ({ conversationId, labelId })),
        skipDuplicates: true,
      });
    }

    const updated = await tx.conversation.update({
      where: { id: conversationId },
      data: {
        status: changes.status,
        snoozedUntil: changes.status === "SNOOZED" ? changes.snoozedUntil : changes.status ? null : undefined,
        resolvedAt: changes.status === "RESOLVED" ? new Date() : changes.status ? null : undefined,
        assigneeId: changes.assigneeId,
        teamId: changes.teamId,
        ...(changes.markRead ? { unreadCount: 0 } : {}),
      },
      include: conversationInclude,
    });
    return { updated, publications };
  });

  const update = conversationUpdated(updated);
  publish(...publications, update);
  // Blue ticks for the customer; the inbox's own read state above does not wait on Meta.
  if (changes.markRead)
    await sendReadReceipt({ conversationId }).catch((error) => console.error("[read] could not queue the read receipt", error));
  return update.payload;
}

async function inboxMember(inboxId: string, userId: string) {
  const member = await db.inboxMember.findUnique({
    where: { inboxId_userId: { inboxId, userId } },
    include: { user: { select: { id: true, name: true } } },
  });
  if (!member) throw new AppError("UNPROCESSABLE", phrase("errors.notInboxMember"));
  return member.user;
}
