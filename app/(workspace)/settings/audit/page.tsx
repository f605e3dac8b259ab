import { NuqsAdapter } from "nuqs/adapters/next/app";
import { AuditLog } from "@/components/audit/audit-log";
import { AuditVerification } from "@/components/audit/audit-verification";
import { ViewerZoneProvider } from "@/components/audit/viewer-zone";
import { auditFilterChoices } from "@/lib/audit/filter-choices";
import { listAuditVerifications } from "@/lib/audit/verifications";
import { requirePageUser } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { getAccount } from "@/lib/users/get-account";

export const metadata = { title: "Audit log · Switchboard" };
export const dynamic = "force-dynamic";

export default async function AuditPage() {
  const user = await requirePageUser("audit.view");
  const [verifications, choices, account] = await Promise.all([
    listAuditVerifications(),
    auditFilterChoices(),
    getAccount({ userId: user.id }),
  ]);
  const latest = verifications[0];
  return (
    <ViewerZoneProvider timeZone={account.timeZone} locale={account.locale}>
      <div className="h-full overflow-y-auto">
        <div className="mx-auto max-w-7xl space-y-6 p-6">
          <div>
            <h1 className="text-lg font-semibold">Audit log</h1>
            <p className="max-w-4xl text-sm text-slate-500">
              Every change that matters, who made it, from where, and what it changed. Each event is chained to the one before it with a key
              only Switchboard holds; the application&apos;s database role may add events but never change or delete them, and a check
              (daily, or now) proves nobody else did either.
            </p>
          </div>
          <AuditVerification initial={verifications} canVerify={can(user.role, "audit.verify")} events={choices.events} />
          <NuqsAdapter>
            <AuditLog choices={choices} brokenEventId={latest && !latest.ok ? latest.brokenEventId : null} />
          </NuqsAdapter>
        </div>
      </div>
    </ViewerZoneProvider>
  );
}
