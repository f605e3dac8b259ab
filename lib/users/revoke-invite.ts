import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { phrase } from "@/lib/i18n/phrase";
import type { Actor } from "./types";

/** Withdraws a pending invitation: its link stops working at once. */
export async function revokeInvite({ inviteId, actor }: { inviteId: string; actor: Actor }): Promise<void> {
  await db.$transaction(async (tx) => {
    const invite = await tx.userToken.findFirst({ where: { id: inviteId, kind: "INVITE" } });
    if (!invite) throw new AppError("NOT_FOUND", phrase("errors.noSuchInvitation"));
    if (invite.usedAt) throw new AppError("CONFLICT", phrase("errors.invitationAccepted", { email: invite.email ?? "" }));
    if (invite.revokedAt) return;
    await tx.userToken.update({ where: { id: invite.id }, data: { revokedAt: new Date() } });
    await recordAudit(
      {
        actor: { id: actor.id, label: actor.name },
        action: "invite.revoked",
        target: { type: "invite", id: invite.id },
        before: { email: invite.email, role: invite.role, expiresAt: invite.expiresAt },
        after: { revoked: true },
      },
      tx,
    );
  });
}
