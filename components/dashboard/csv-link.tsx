import { useTranslations } from "next-intl";
import { statsCsvUrl, type StatsParams } from "@/components/api/client";

/** "Download CSV" for a table: the same query answered as CSV, saved by the browser. */
export function CsvLink({ path, params }: { path: Parameters<typeof statsCsvUrl>[0]; params: StatsParams }) {
  const t = useTranslations("dashboard");
  return (
    <a
      href={statsCsvUrl(path, params)}
      download
      className="rounded border border-slate-200 px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-500"
      data-testid="csv-link"
    >
      {t("downloadCsv")}
    </a>
  );
}
