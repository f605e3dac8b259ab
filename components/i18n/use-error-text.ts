"use client";

import { useTranslations } from "next-intl";
import { ApiError } from "@/components/api/client";

/**
 * What to show when a call fails: the server's own sentence (already in the reader's language),
 * else `fallback`, else a general one — never a browser's or proxy's English.
 */
export function useErrorText() {
  const t = useTranslations("common");
  return (error: unknown, fallback?: string) => (error instanceof ApiError && error.explained ? error.message : (fallback ?? t("failed")));
}
