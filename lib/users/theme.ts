import "server-only";
import { currentUser } from "@/lib/auth/guards";
import { db, type ThemePreference } from "@/lib/db/client";
import type { Theme } from "./themes";

// The theme is stored as an enum and travels as the lower-case word the page's `data-theme`
// attribute takes; "system" is resolved by the stylesheet (prefers-color-scheme), never here.

export const themeFromRow = (value: ThemePreference): Theme => value.toLowerCase() as Theme;
export const themeToRow = (value: Theme): ThemePreference => value.toUpperCase() as ThemePreference;

/** The signed-in user's theme for the page being rendered; "system" for everyone else. */
export async function requestTheme(): Promise<Theme> {
  const user = await currentUser();
  if (!user) return "system";
  const row = await db.user.findUnique({ where: { id: user.id }, select: { theme: true } });
  return row ? themeFromRow(row.theme) : "system";
}
