import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { hashPassword } from "@/lib/auth/password";
import { passwordProblem } from "@/lib/auth/password-policy";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { phrase, type Phrase } from "@/lib/i18n/phrase";
import { lockUserAdministration } from "./admin-rules";
import { consumeToken, findToken, requireToken } from "./find-token";

const ALREADY_SET_UP = phrase("links.alreadySetUp");

/** Whether the setup page may show its form, or why not. */
export async function setupState({ token }: { token: string | undefined }): Promise<{ ok: true } | { ok: false; message: Phrase }> {
  if ((await db.user.count()) > 0) return { ok: false, message: ALREADY_SET_UP };
  if (!token) return { ok: false, message: phrase("links.setupMissing") };
  const found = await findToken({ token, kind: "SETUP" });
  return found.ok ? { ok: true } : { ok: false, message: found.message };
}

/** Creates the first admin with the setup link's token; refused once anyone has an account. */
export async function completeSetup({
  token,
  name,
  email,
  password,
}: {
  token: string;
  name: string;
  email: string;
  password: string;
}): Promise<{ email: string }> {
  if ((await db.user.count()) > 0) throw new AppError("CONFLICT", ALREADY_SET_UP);
  const setup = await requireToken({ token, kind: "SETUP" });
  const problem = passwordProblem(password, { email, name });
  if (problem) throw new AppError("INVALID_INPUT", problem, [{ path: "password", message: problem }]);
  const passwordHash = await hashPassword(password);

  await db.$transaction(async (tx) => {
    // Under the lock, so two setup forms sent at once cannot both create an admin.
    await lockUserAdministration(tx);
    if ((await tx.user.count()) > 0) throw new AppError("CONFLICT", ALREADY_SET_UP);
    await consumeToken({ tx, id: setup.id });
    const user = await tx.user.create({
      data: { email, name, role: "ADMIN", passwordHash, passwordChangedAt: new Date() },
      select: { id: true },
    });
    // The first admin works in every inbox there is (the configured WhatsApp number's, at least).
    const inboxes = await tx.inbox.findMany({ select: { id: true } });
    await tx.inboxMember.createMany({ data: inboxes.map((inbox) => ({ inboxId: inbox.id, userId: user.id })) });
    await recordAudit(
      {
        actor: { id: user.id, label: name },
        action: "setup.completed",
        target: { type: "user", id: user.id },
        after: { email, name, role: "ADMIN" },
      },
      tx,
    );
  });
  return { email };
}
