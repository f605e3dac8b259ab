"use client";

import { useTranslations } from "next-intl";
import { useMessageStats } from "@/components/api/hooks";
import { CsvLink } from "./csv-link";
import { useDashboard } from "./dashboard-context";
import { GroupTable } from "./group-table";
import { Empty, Loaded, Section } from "./states";

// One row per template and language, from the breakdown by template.

export function TemplatesTab() {
  const t = useTranslations("dashboard");
  const { state } = useDashboard();
  // Only template sends have a template; a kind filter the manager chose stays as it is.
  const params = { ...state.params, groupBy: "template" as const, kind: state.params.kind ?? "template" };
  const query = useMessageStats(params);
  return (
    <Section title={t("tab", { tab: "templates" })} actions={<CsvLink path="messages" params={params} />}>
      <Loaded query={query} rows={8}>
        {(stats) =>
          stats.groups.length === 0 ? (
            <Empty>{t("noTemplateMessages")}</Empty>
          ) : (
            <GroupTable
              dimension="template"
              heading={t("templateLanguage")}
              groups={stats.groups}
              columns={["sent", "delivered", "read", "replied", "failed", "readRate", "medianRead", "cost"]}
            />
          )
        }
      </Loaded>
    </Section>
  );
}
