import Link from "next/link";
import { QueryProvider } from "@/components/api/query-provider";
import { SignOutButton } from "@/components/workspace/sign-out-button";
import { AlertBanner } from "@/components/workspace/alert-banner";
import { requirePageUser } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { listOpenAlerts } from "@/lib/whatsapp/channel-alerts";

export default async function WorkspaceLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageUser("inbox.view");
  const alerts = can(user.role, "settings.manage") ? await listOpenAlerts() : [];
  return (
    <div className="flex h-full flex-col">
      <header className="flex h-12 shrink-0 items-center justify-between border-b border-slate-200 bg-white px-4">
        <div className="flex items-center gap-6">
          <Link href="/inbox" className="flex items-center gap-2 font-semibold">
            <span className="flex h-7 w-7 items-center justify-center rounded-md bg-brand-600 text-sm font-bold text-white">S</span>
            Switchboard
          </Link>
          <nav className="flex gap-4 text-sm text-slate-600">
            <Link href="/inbox" className="hover:text-slate-900">
              Inbox
            </Link>
            {can(user.role, "dashboard.view") && (
              <Link href="/dashboard" className="hover:text-slate-900" data-testid="nav-dashboard">
                Dashboard
              </Link>
            )}
            {can(user.role, "settings.manage") && (
              <>
                <Link href="/settings/assignment" className="hover:text-slate-900">
                  Assignment
                </Link>
                <Link href="/settings/flows" className="hover:text-slate-900">
                  Flows
                </Link>
                <Link href="/settings/rate-card" className="hover:text-slate-900">
                  Rate card
                </Link>
              </>
            )}
            {can(user.role, "webhooks.replay") && (
              <Link href="/settings/webhooks" className="hover:text-slate-900">
                Webhook log
              </Link>
            )}
            {can(user.role, "audit.view") && (
              <Link href="/settings/audit" className="hover:text-slate-900">
                Audit trail
              </Link>
            )}
            {can(user.role, "users.manage") && (
              <Link href="/settings/users" className="hover:text-slate-900">
                Users
              </Link>
            )}
            <Link href="/simulator" className="hover:text-slate-900" target="_blank">
              Customer simulator
            </Link>
          </nav>
        </div>
        <div className="flex items-center gap-3 text-sm">
          <Link href="/account" className="rounded text-slate-600 hover:text-slate-900" data-testid="current-user" title="Your account">
            {user.name} <span className="text-xs text-slate-400">· {user.role.toLowerCase()}</span>
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
