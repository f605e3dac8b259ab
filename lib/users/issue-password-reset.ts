import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { negotiateLocale } from "@/lib/i18n/negotiate";
import type { Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { utcTime } from "./create-invite";
import { phrase } from "@/lib/i18n/phrase";
import { assertStillAdmin } from "./admin-rules";
import { sendMail } from "./send-mail";
import { newToken } from "./tokens";
import type { Actor, IssuedLink } from "./types";

/**
 * An admin makes a one-hour password-reset link for someone (there is no self-service "forgot
 * password": an admin vouches for who gets the link). A newer link withdraws the older ones; the
 * current password keeps working until the link is used. The e-mail speaks the user's language, else
 * the admin's (`locale`).
 */
export async function issuePasswordReset({ userId, actor, locale }: { userId: string; actor: Actor; locale: Locale }): Promise<IssuedLink> {
  const issued = newToken("PASSWORD_RESET");
  const user = await db.$transaction(async (tx) => {
    await assertStillAdmin({ tx, actorId: actor.id });
    const user = await tx.user.findUnique({
      where: { id: userId },
      select: { id: true, name: true, email: true, active: true, locale: true },
    });
    if (!user) throw new AppError("NOT_FOUND", phrase("errors.noSuchUser"));
    if (!user.active) throw new AppError("UNPROCESSABLE", phrase("errors.accountDeactivated", { name: user.name }));
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

  const language = negotiateLocale({ preferred: user.locale, acceptLanguage: locale });
  const t = translator(language);
  const mail = await sendMail({
    to: user.email,
    subject: t("email.resetSubject"),
    text: t("email.resetBody", { name: user.name, admin: actor.name, link: issued.link, expires: utcTime(language, issued.expiresAt) }),
  });
  return { link: issued.link, expiresAt: issued.expiresAt.toISOString(), ...mail };
}
