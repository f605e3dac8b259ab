import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { QueryProvider } from "@/components/api/query-provider";
import { SignOutButton } from "@/components/workspace/sign-out-button";
import { AlertBanner } from "@/components/workspace/alert-banner";
import { requirePageUser } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { settingsSections } from "@/lib/auth/settings-sections";
import { listOpenAlerts } from "@/lib/whatsapp/channel-alerts";
import { listNumbers } from "@/lib/whatsapp/list-numbers";

export default async function WorkspaceLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageUser("inbox.view");
  const alerts = can(user.role, "settings.manage") ? await listOpenAlerts() : [];
  // The profile and health pages open on the first number; each page switches between numbers.
  const firstNumber = can(user.role, "dashboard.view") ? (await listNumbers())[0] : undefined;
  const t = await getTranslations("workspace");
  const settingsHome = settingsSections({ role: user.role, firstNumberId: firstNumber?.id ?? null })[0]?.links[0]?.href;
  return (
    <div className="flex h-full flex-col">
      <header className="flex h-12 shrink-0 items-center justify-between gap-3 border-b border-slate-200 bg-white px-3 md:px-4">
        <div className="flex min-w-0 items-center gap-3 md:gap-6">
          <Link href="/inbox" className="flex shrink-0 items-center gap-2 font-semibold">
            <span className="flex h-7 w-7 items-center justify-center rounded-md bg-accent text-sm font-bold text-on-accent" aria-hidden>
              S
            </span>
            <span className="max-sm:sr-only">Switchboard</span>
          </Link>
          {/* On a phone the links scroll sideways rather than wrap. */}
          <nav aria-label={t("mainNav")} className="-my-2 flex min-w-0 gap-4 overflow-x-auto py-2 text-sm whitespace-nowrap text-slate-600">
            <Link href="/inbox" className="hover:text-slate-900">
              {t("inbox")}
            </Link>
            {can(user.role, "dashboard.view") && (
              <Link href="/dashboard" className="hover:text-slate-900" data-testid="nav-dashboard">
                {t("dashboard")}
              </Link>
            )}
            {settingsHome && (
              <Link href={settingsHome} className="hover:text-slate-900" data-testid="nav-settings">
                {t("settings")}
              </Link>
            )}
            <Link href="/simulator" className="hover:text-slate-900" target="_blank">
              {t("simulator")}
            </Link>
          </nav>
        </div>
        <div className="flex shrink-0 items-center gap-3 text-sm">
          <Link
            href="/account"
            className="max-w-28 truncate rounded text-slate-600 hover:text-slate-900 md:max-w-none"
            data-testid="current-user"
            title={t("yourAccount")}
          >
            {user.name} <span className="text-xs text-slate-500 max-md:hidden">· {t("role", { role: user.role })}</span>
          </Link>
          <SignOutButton />
        </div>
      </header>
      <AlertBanner alerts={alerts} />
      <div className="min-h-0 flex-1">
        <QueryProvider>{children}</QueryProvider>
      </div>
    </div>
  );
}
