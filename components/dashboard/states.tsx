import { useTranslations } from "next-intl";
import { useErrorText } from "@/components/i18n/use-error-text";

// The shapes every tab shares: a placeholder while the first answer loads, a sentence when there is
// nothing to show, the server's own words when a request failed.

export function Skeleton({ rows = 3, className = "" }: { rows?: number; className?: string }) {
  const t = useTranslations("common");
  return (
    <div className={`space-y-2 ${className}`} aria-busy="true" aria-label={t("loading")} data-testid="skeleton">
      {Array.from({ length: rows }, (_, index) => (
        <div key={index} className="h-8 animate-pulse rounded bg-slate-200/70" />
      ))}
    </div>
  );
}

export function Empty({ children }: { children: React.ReactNode }) {
  return (
    <p
      className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-8 text-center text-sm text-slate-500"
      data-testid="empty"
    >
      {children}
    </p>
  );
}

export function Failed({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations("dashboard");
  const errorText = useErrorText();
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
      {errorText(error, t("loadFailed"))}{" "}
      <button type="button" className="font-medium underline" onClick={retry}>
        {t("tryAgain")}
      </button>
    </div>
  );
}

/** A query's three states around its content. */
export function Loaded<T>({
  query,
  rows,
  children,
}: {
  query: { data: T | undefined; error: unknown; isPending: boolean; isPlaceholderData?: boolean; refetch: () => unknown };
  rows?: number;
  children: (data: T) => React.ReactNode;
}) {
  // The previous range's answer, while this one loads: shown dimmed, and busy for screen readers.
  if (query.data !== undefined && query.isPlaceholderData)
    return (
      <div aria-busy="true" data-testid="stats-updating" className="opacity-60 transition-opacity">
        {children(query.data)}
      </div>
    );
  if (query.data !== undefined) return <>{children(query.data)}</>;
  if (query.error) return <Failed error={query.error} retry={() => void query.refetch()} />;
  return <Skeleton rows={rows} />;
}

export function Section({ title, actions, children }: { title: string; actions?: React.ReactNode; children: React.ReactNode }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white">
      <header className="flex items-center justify-between gap-3 border-b border-slate-100 px-4 py-2">
        <h2 className="text-sm font-semibold">{title}</h2>
        {actions && <div className="flex items-center gap-2">{actions}</div>}
      </header>
      <div className="p-4">{children}</div>
    </section>
  );
}
