import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { preferencesChanged } from "@/lib/auth/access";
import { db } from "@/lib/db/client";
import { getAccount } from "./get-account";
import { themeFromRow, themeToRow } from "./theme";
import type { Theme } from "./themes";
import type { AccountDto } from "./types";

type Changes = { name?: string; locale?: string | null; timeZone?: string | null; theme?: Theme };

/**
 * A user changes their own name, language, time zone (null: follow the browser) or theme. Their next
 * request renders in the new language and zone; the name shows to teammates from the next request;
 * the theme applies to every page from the next render.
 */
export async function updateAccount({ userId, changes }: { userId: string; changes: Changes }): Promise<AccountDto> {
  await db.$transaction(async (tx) => {
    const row = await tx.user.findUniqueOrThrow({
      where: { id: userId },
      select: { name: true, locale: true, timeZone: true, theme: true },
    });
    const current: Changes = { ...row, theme: themeFromRow(row.theme) };
    const keys = (Object.keys(changes) as (keyof Changes)[]).filter((key) => changes[key] !== undefined && changes[key] !== current[key]);
    if (keys.length === 0) return;
    const before = Object.fromEntries(keys.map((key) => [key, current[key]]));
    const after = Object.fromEntries(keys.map((key) => [key, changes[key]]));
    await tx.user.update({ where: { id: userId }, data: { ...after, ...(changes.theme && { theme: themeToRow(changes.theme) }) } });
    const name = changes.name ?? current.name ?? row.name;
    await recordAudit(
      { actor: { id: userId, label: name }, action: "user.profile_updated", target: { type: "user", id: userId }, before, after },
      tx,
    );
  });
  preferencesChanged({ userId });
  return getAccount({ userId });
}
