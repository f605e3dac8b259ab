import "server-only";
import type { Prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { phrase } from "@/lib/i18n/phrase";

// Changes to who is an active admin run one at a time (a transaction-scoped advisory lock), so two
// admins demoting each other at the same moment cannot leave the workspace with nobody able to
// manage users: the second one sees the first one's change and is refused.

const USER_ADMIN_LOCK = 727_101;

export async function lockUserAdministration(tx: Prisma.TransactionClient): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${USER_ADMIN_LOCK})`;
}

/** Refuses a change that would leave no active admin besides `user`. */
export async function assertAnotherAdmin({
  tx,
  user,
}: {
  tx: Prisma.TransactionClient;
  user: { id: string; name: string };
}): Promise<void> {
  const others = await tx.user.count({ where: { role: "ADMIN", active: true, id: { not: user.id } } });
  if (others === 0) {
    throw new AppError("CONFLICT", phrase("errors.lastAdmin", { name: user.name }));
  }
}

/** The guard ran before the lock; re-read the actor under it, so a just-demoted admin acts no more. */
export async function assertStillAdmin({ tx, actorId }: { tx: Prisma.TransactionClient; actorId: string }): Promise<void> {
  const actor = await tx.user.findUnique({ where: { id: actorId }, select: { role: true, active: true } });
  if (!actor?.active || actor.role !== "ADMIN") throw new AppError("FORBIDDEN", phrase("errors.roleForbids"));
}
