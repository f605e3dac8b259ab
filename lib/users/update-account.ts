import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { preferencesChanged } from "@/lib/auth/access";
import { db } from "@/lib/db/client";
import { getAccount } from "./get-account";
import type { AccountDto } from "./types";

/**
 * A user changes their own name, language or time zone (null: follow the browser). Their next
 * request renders in the new language and zone; the name shows to teammates from the next request.
 */
export async function updateAccount({
  userId,
  changes,
}: {
  userId: string;
  changes: { name?: string; locale?: string | null; timeZone?: string | null };
}): Promise<AccountDto> {
  await db.$transaction(async (tx) => {
    const current = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true, locale: true, timeZone: true } });
    const keys = (Object.keys(changes) as (keyof typeof changes)[]).filter(
      (key) => changes[key] !== undefined && changes[key] !== current[key],
    );
    if (keys.length === 0) return;
    const before = Object.fromEntries(keys.map((key) => [key, current[key]]));
    const after = Object.fromEntries(keys.map((key) => [key, changes[key]]));
    await tx.user.update({ where: { id: userId }, data: after });
    const name = changes.name ?? current.name;
    await recordAudit(
      { actor: { id: userId, label: name }, action: "user.profile_updated", target: { type: "user", id: userId }, before, after },
      tx,
    );
  });
  preferencesChanged({ userId });
  return getAccount({ userId });
}
