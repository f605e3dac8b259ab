"use client";

import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";

export function SignOutButton() {
  const t = useTranslations("workspace");
  return (
    <button
      type="button"
      onClick={() => void signOut({ callbackUrl: "/login" })}
      className="rounded-md border border-slate-200 px-2.5 py-1 text-slate-600 hover:bg-slate-50"
    >
      {t("signOut")}
    </button>
  );
}
