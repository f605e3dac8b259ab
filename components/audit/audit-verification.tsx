"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useVerifyAudit } from "@/components/api/mutations";
import { useErrorText } from "@/components/i18n/use-error-text";
import { Button } from "@/components/ui/button";
import type { AuditVerificationDto } from "@/lib/audit/verifications";
import { useNow } from "@/components/ui/use-now";
import { AuditTime } from "./audit-time";

// The audit chain's health: the latest check up front, "Verify now" for admins (with its progress
// while it runs), then the history.

export function AuditVerification({
  initial,
  canVerify,
  events,
}: {
  initial: AuditVerificationDto[];
  canVerify: boolean;
  /** Events in the trail when the page was drawn. */
  events: number;
}) {
  const t = useTranslations("audit");
  const errorText = useErrorText();
  const router = useRouter();
  const [history, setHistory] = useState(initial);
  const verification = useVerifyAudit();
  const verifying = verification.isPending;
  const error = verification.error ? errorText(verification.error, t("checkFailed")) : null;
  const latest = history[0];

  function verify() {
    verification.mutate(undefined, {
      onSuccess: (result) => {
        setHistory((current) => [result, ...current]);
        // The event list (rendered on the server) marks the event a failed check stopped at.
        router.refresh();
      },
    });
  }

  return (
    <section className="space-y-4">
      {latest ? (
        <LatestResult result={latest} />
      ) : (
        <p className="rounded-lg border border-dashed border-slate-300 p-4 text-sm text-slate-500">{t("notVerified")}</p>
      )}
      {canVerify && (
        <div className="flex items-center gap-3">
          <Button tone="primary" onClick={verify} disabled={verifying} aria-busy={verifying}>
            {verifying ? t("verifying") : t("verifyNow")}
          </Button>
          {verifying && <VerifyProgress events={events} previous={latest} />}
          {error && (
            <span role="alert" className="text-sm text-red-700">
              {error}
            </span>
          )}
        </div>
      )}
      {history.length > 0 && <History rows={history} />}
    </section>
  );
}

/**
 * The check runs in one request, so its progress is told by time: seconds so far against how long
 * the last check of a trail this size took.
 */
function VerifyProgress({ events, previous }: { events: number; previous: AuditVerificationDto | undefined }) {
  const t = useTranslations("audit");
  const [started] = useState(() => Date.now());
  const now = useNow(250);
  const elapsed = Math.max(now - started, 0) / 1000;
  const expected = previous ? (duration(previous) / Math.max(previous.events, 1)) * events : null;
  const share = expected ? Math.min(elapsed / Math.max(expected, 0.5), 0.95) : null;
  return (
    <div role="status" className="flex min-w-72 flex-col gap-1 text-sm text-slate-500">
      <div
        className="h-1.5 w-full overflow-hidden rounded bg-slate-200"
        role="progressbar"
        aria-label={t("verifyingChain")}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={share === null ? undefined : Math.round(share * 100)}
      >
        <div
          className={`h-full rounded bg-brand-600 transition-[width] ${share === null ? "w-1/3 animate-pulse" : ""}`}
          style={share === null ? undefined : { width: `${share * 100}%` }}
        />
      </div>
      <span>
        {t("checking", { count: events, seconds: Math.floor(elapsed) })}
        {expected !== null && ` ${t("lastTook", { seconds: Math.round(duration(previous!) / 100) / 10 })}`}
      </span>
    </div>
  );
}

function LatestResult({ result }: { result: AuditVerificationDto }) {
  const t = useTranslations("audit");
  const who =
    result.trigger === "admin"
      ? t("byAdmin", { hasName: result.actorName ? "yes" : "no", name: result.actorName ?? "" })
      : t("byDailyCheck");
  if (result.ok) {
    return (
      <div className="rounded-lg border border-emerald-200 bg-emerald-50 p-4" data-testid="audit-latest">
        <p className="font-semibold text-emerald-800">{t("intact")}</p>
        <p className="text-sm text-emerald-900">
          {t.rich("allVerified", { count: result.events, who, time: () => <AuditTime at={result.finishedAt} /> })}
        </p>
      </div>
    );
  }
  const event = result.brokenEvent;
  return (
    <div className="rounded-lg border border-red-300 bg-red-50 p-4 text-red-900" data-testid="audit-latest">
      <p className="font-semibold text-red-800">{t("brokenAt", { seq: result.brokenSeq ?? "?" })}</p>
      <p className="text-sm">{t("problem", { problem: result.problem ?? "none" })}</p>
      {event ? (
        <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 rounded-md border border-red-200 bg-white p-3 text-sm">
          <dt className="text-red-700">{t("when")}</dt>
          <dd>
            <AuditTime at={event.createdAt} />
          </dd>
          <dt className="text-red-700">{t("actor")}</dt>
          <dd>{event.actorLabel}</dd>
          <dt className="text-red-700">{t("action")}</dt>
          <dd className="font-mono text-xs">{event.action}</dd>
          <dt className="text-red-700">{t("target")}</dt>
          <dd className="font-mono text-xs">
            {event.targetType} {event.targetId}
          </dd>
          <dt className="text-red-700">{t("reason")}</dt>
          <dd>{event.reason ?? "—"}</dd>
          <dt className="text-red-700">{t("ip")}</dt>
          <dd className="font-mono text-xs">{event.ip ?? "—"}</dd>
          <dt className="text-red-700">{t("eventId")}</dt>
          <dd className="font-mono text-xs">{event.id}</dd>
        </dl>
      ) : (
        <p className="mt-2 text-sm">{t("eventGone", { id: result.brokenEventId ?? "?" })}</p>
      )}
      <p className="mt-2 text-xs">
        {t.rich("beforeIntact", { count: result.events, who, time: () => <AuditTime at={result.finishedAt} /> })}
      </p>
    </div>
  );
}

function History({ rows }: { rows: AuditVerificationDto[] }) {
  const t = useTranslations("audit");
  const format = useFormatter();
  return (
    <div>
      <h2 className="mb-2 text-sm font-semibold text-slate-700">{t("history")}</h2>
      <table className="w-full overflow-hidden rounded-lg border border-slate-200 bg-white text-sm">
        <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className="px-3 py-2">{t("finished")}</th>
            <th className="px-3 py-2">{t("runBy")}</th>
            <th className="px-3 py-2">{t("result")}</th>
            <th className="px-3 py-2 text-right">{t("events")}</th>
            <th className="px-3 py-2 text-right">{t("took")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-t border-slate-100" data-testid="audit-verification-row">
              <td className="whitespace-nowrap px-3 py-2">
                <AuditTime at={row.finishedAt} />
              </td>
              <td className="px-3 py-2">{row.trigger === "admin" ? (row.actorName ?? t("anAdmin")) : t("dailyCheck")}</td>
              <td className="px-3 py-2">
                {row.ok ? (
                  <span className="rounded bg-emerald-50 px-1.5 py-0.5 text-xs font-medium text-emerald-700">{t("intactShort")}</span>
                ) : (
                  <span className="rounded bg-red-50 px-1.5 py-0.5 text-xs font-medium text-red-700">
                    {t("brokenShort", { seq: row.brokenSeq ?? "?", problem: row.problem ?? "none" })}
                  </span>
                )}
              </td>
              <td className="px-3 py-2 text-right tabular-nums">{format.number(row.events)}</td>
              <td className="px-3 py-2 text-right tabular-nums">{t("seconds", { seconds: Math.round(duration(row) / 100) / 10 })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function duration(row: AuditVerificationDto): number {
  return Math.max(new Date(row.finishedAt).getTime() - new Date(row.startedAt).getTime(), 0);
}
