import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import type { Role } from "@/lib/auth/permissions";

/** What a signed-in person sees on a page their role does not open: why, and where to go instead. */
export function NotForRole({ page, roles }: { page: "dashboard"; roles: readonly Role[] }) {
  const t = useTranslations("workspace");
  const format = useFormatter();
  const who = format.list(roles.map((role) => t("rolePlural", { role })));
  return (
    <main className="mx-4 mt-16 max-w-md rounded-lg border border-slate-200 bg-white p-6 text-center sm:mx-auto" data-testid="not-for-role">
      <h1 className="text-base font-semibold">{t("notForRole", { page })}</h1>
      <p className="mt-2 text-sm text-slate-600">{t("openTo", { roles: who })}</p>
      <Link
        href="/inbox"
        className="mt-4 inline-block rounded-md bg-accent px-3 py-1.5 text-sm font-medium text-on-accent hover:bg-accent-hover"
      >
        {t("backToInbox")}
      </Link>
    </main>
  );
}
