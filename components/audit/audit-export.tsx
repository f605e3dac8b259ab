import { useTranslations } from "next-intl";

// The filtered set as a file: plain links, so the browser streams the download itself.

export function AuditExport({ filter }: { filter: URLSearchParams }) {
  const t = useTranslations("audit");
  const href = (format: "csv" | "jsonl") => {
    const params = new URLSearchParams(filter);
    params.set("format", format);
    return `/api/audit/export?${params}`;
  };
  const link = "rounded-md border border-slate-200 bg-white px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50";
  return (
    <div className="flex items-center gap-2 text-xs text-slate-500">
      {t("export")}
      <a href={href("csv")} download className={link} data-testid="audit-export-csv">
        CSV
      </a>
      <a href={href("jsonl")} download className={link} data-testid="audit-export-jsonl">
        {t("jsonLines")}
      </a>
    </div>
  );
}
