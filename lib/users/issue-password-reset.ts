import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { assertStillAdmin } from "./admin-rules";
import { sendMail } from "./send-mail";
import { newToken } from "./tokens";
import type { Actor, IssuedLink } from "./types";

/**
 * An admin makes a one-hour password-reset link for someone (there is no self-service "forgot
 * password": an admin vouches for who gets the link). A newer link withdraws the older ones; the
 * current password keeps working until the link is used.
 */
export async function issuePasswordReset({ userId, actor }: { userId: string; actor: Actor }): Promise<IssuedLink> {
  const issued = newToken("PASSWORD_RESET");
  const user = await db.$transaction(async (tx) => {
    await assertStillAdmin({ tx, actorId: actor.id });
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, name: true, email: true, active: true } });
    if (!user) throw new AppError("NOT_FOUND", "No such user.");
    if (!user.active) throw new AppError("UNPROCESSABLE", `${user.name}'s account is deactivated: reactivate it first.`);
    await tx.userToken.updateMany({
      where: { userId, kind: "PASSWORD_RESET", usedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    const token = await tx.userToken.create({
      data: {
        kind: "PASSWORD_RESET",
        tokenHash: issued.tokenHash,
        userId,
        email: user.email,
        createdById: actor.id,
        expiresAt: issued.expiresAt,
      },
    });
    await recordAudit(
      {
        actor: { id: actor.id, label: actor.name },
        action: "user.password_reset_issued",
        target: { type: "user", id: userId },
        after: { tokenId: token.id, expiresAt: issued.expiresAt },
      },
      tx,
    );
    return user;
  });

  const mail = await sendMail({
    to: user.email,
    subject: "Choose a new Switchboard password",
    text: [
      `Hi ${user.name},`,
      "",
      `${actor.name} made you a link to choose a new password for Switchboard:`,
      issued.link,
      "",
      `It works once, for one hour (until ${issued.expiresAt.toUTCString()}). Your current password keeps working until you use it.`,
      "If you didn't ask for this, you can ignore this message.",
    ].join("\n"),
  });
  return { link: issued.link, expiresAt: issued.expiresAt.toISOString(), ...mail };
}
