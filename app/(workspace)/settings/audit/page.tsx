import { getTranslations } from "next-intl/server";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import { AuditLog } from "@/components/audit/audit-log";
import { AuditVerification } from "@/components/audit/audit-verification";
import { auditFilterChoices } from "@/lib/audit/filter-choices";
import { listAuditVerifications } from "@/lib/audit/verifications";
import { requirePageUser } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";

export async function generateMetadata() {
  const t = await getTranslations("meta");
  return { title: t("title", { page: t("audit") }) };
}
export const dynamic = "force-dynamic";

export default async function AuditPage() {
  const user = await requirePageUser("audit.view");
  const [verifications, choices, t] = await Promise.all([listAuditVerifications(), auditFilterChoices(), getTranslations("audit")]);
  const latest = verifications[0];
  return (
    <>
      <div className="h-full overflow-y-auto">
        <div className="mx-auto max-w-7xl space-y-6 p-6">
          <div>
            <h1 className="text-lg font-semibold">{t("title")}</h1>
            <p className="max-w-4xl text-sm text-slate-500">{t("intro")}</p>
          </div>
          <AuditVerification initial={verifications} canVerify={can(user.role, "audit.verify")} events={choices.events} />
          <NuqsAdapter>
            <AuditLog choices={choices} brokenEventId={latest && !latest.ok ? latest.brokenEventId : null} />
          </NuqsAdapter>
        </div>
      </div>
    </>
  );
}
