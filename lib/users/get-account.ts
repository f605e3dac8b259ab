import "server-only";
import type { Role } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { phrase } from "@/lib/i18n/phrase";
import { themeFromRow } from "./theme";
import type { AccountDto } from "./types";

export async function getAccount({ userId }: { userId: string }): Promise<AccountDto> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, name: true, email: true, role: true, locale: true, timeZone: true, theme: true, passwordChangedAt: true },
  });
  if (!user) throw new AppError("NOT_FOUND", phrase("errors.noSuchUser"));
  return {
    ...user,
    role: user.role as Role,
    theme: themeFromRow(user.theme),
    passwordChangedAt: user.passwordChangedAt?.toISOString() ?? null,
  };
}
