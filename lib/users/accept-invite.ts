import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { hashPassword } from "@/lib/auth/password";
import { passwordProblem } from "@/lib/auth/password-policy";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { phrase } from "@/lib/i18n/phrase";
import { consumeToken, requireToken } from "./find-token";

/**
 * Creates the invited person's account with the role, inboxes and teams the invitation names, and
 * spends the invitation. Inboxes or teams deleted since the invitation are left out.
 */
export async function acceptInvite({
  token,
  name,
  password,
}: {
  token: string;
  name: string;
  password: string;
}): Promise<{ email: string }> {
  const invite = await requireToken({ token, kind: "INVITE" });
  const email = invite.email ?? "";
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) {
    throw new AppError("CONFLICT", phrase("links.accountExists", { email }));
  }
  const problem = passwordProblem(password, { email, name });
  if (problem) throw new AppError("INVALID_INPUT", problem, [{ path: "password", message: problem }]);
  const passwordHash = await hashPassword(password);

  await db.$transaction(async (tx) => {
    await consumeToken({ tx, id: invite.id });
    const [inboxes, teams] = await Promise.all([
      tx.inbox.findMany({ where: { id: { in: invite.inboxIds } }, select: { id: true, name: true } }),
      tx.team.findMany({ where: { id: { in: invite.teamIds } }, select: { id: true, name: true } }),
    ]);
    const role = invite.role ?? "AGENT";
    const user = await tx.user.create({
      data: {
        email,
        name,
        role,
        passwordHash,
        passwordChangedAt: new Date(),
        inboxes: { create: inboxes.map((inbox) => ({ inboxId: inbox.id })) },
        teams: { create: teams.map((team) => ({ teamId: team.id })) },
      },
      select: { id: true },
    });
    await recordAudit(
      {
        actor: { id: user.id, label: name },
        action: "invite.accepted",
        target: { type: "user", id: user.id },
        after: { inviteId: invite.id, email, name, role, inboxes: inboxes, teams, invitedById: invite.createdById },
      },
      tx,
    );
  });
  return { email };
}
