import { AuditEventList } from "@/components/settings/audit-event-list";
import { AuditVerification } from "@/components/settings/audit-verification";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { listAuditVerifications } from "@/lib/audit/verifications";
import { requirePageUser } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";

export const metadata = { title: "Audit trail · Switchboard" };
export const dynamic = "force-dynamic";

export default async function AuditPage({ searchParams }: { searchParams: Promise<{ before?: string }> }) {
  const user = await requirePageUser("audit.view");
  const { before } = await searchParams;
  const cursor = before && /^\d{1,19}$/.test(before) ? BigInt(before) : undefined;
  const [verifications, events] = await Promise.all([listAuditVerifications(), listAuditEvents({ before: cursor })]);
  const latest = verifications[0];
  return (
    <div className="mx-auto h-full max-w-5xl space-y-6 overflow-y-auto p-6">
      <div>
        <h1 className="text-lg font-semibold">Audit trail</h1>
        <p className="text-sm text-slate-500">
          Every change that matters is recorded here and chained to the one before it with a key only Switchboard holds. The
          application&apos;s database role may add events but never change or delete them, and a check (daily, or now) proves nobody else
          did either.
        </p>
      </div>
      <AuditVerification initial={verifications} canVerify={can(user.role, "audit.verify")} />
      <AuditEventList
        items={events.items}
        nextBefore={events.nextBefore}
        firstPage={cursor === undefined}
        brokenEventId={latest && !latest.ok ? latest.brokenEventId : null}
      />
    </div>
  );
}
