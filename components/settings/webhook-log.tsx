"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { useReplayWebhook } from "@/components/api/mutations";
import { useDates } from "@/components/i18n/use-dates";
import type { WebhookEventDto } from "@/lib/webhooks/webhook-log";

const filters = ["ALL", "RECEIVED", "FAILED", "PROCESSED"] as const;
const stateTones = {
  RECEIVED: "bg-amber-50 text-amber-800",
  FAILED: "bg-red-50 text-red-700",
  PROCESSED: "bg-emerald-50 text-emerald-700",
} as const;

export function WebhookLog({ events, filter }: { events: WebhookEventDto[]; filter: string }) {
  const t = useTranslations("settings.webhooks");
  const dates = useDates();
  const [rows, setRows] = useState(events);
  const replaying = useReplayWebhook();
  const busy = replaying.isPending ? replaying.variables : null;

  // Each replay's answer lands on its own row, even when another is started meanwhile; a refused
  // replay leaves the row as it was.
  async function replay(id: string) {
    const outcome = await replaying.mutateAsync(id).catch(() => null);
    if (!outcome) return;
    setRows((current) =>
      current.map((row) =>
        row.id === id ? { ...row, state: outcome.state, error: outcome.error ?? null, processedAt: new Date().toISOString() } : row,
      ),
    );
  }

  return (
    <>
      <div className="mb-3 flex gap-1 text-xs">
        {filters.map((option) => (
          <Link
            key={option}
            href={option === "ALL" ? "?" : `?state=${option}`}
            className={`rounded-md px-2 py-1 font-medium ${filter === option ? "bg-slate-900 text-white" : "text-slate-600 hover:bg-slate-100"}`}
          >
            {t("filter", { state: option })}
          </Link>
        ))}
      </div>
      {rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-8 text-center text-sm text-slate-500">{t("empty")}</p>
      ) : (
        <table className="w-full overflow-hidden rounded-lg border border-slate-200 bg-white text-sm">
          <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-3 py-2">{t("received")}</th>
              <th className="px-3 py-2">{t("phoneNumberId")}</th>
              <th className="px-3 py-2">{t("state")}</th>
              <th className="px-3 py-2">{t("error")}</th>
              <th className="px-3 py-2" />
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} className="border-t border-slate-100" data-testid="webhook-row">
                <td className="whitespace-nowrap px-3 py-2 tabular-nums">{dates.full(row.receivedAt)}</td>
                <td className="px-3 py-2 font-mono text-xs">
                  {row.source === "messenger" ? t("messengerPage") : (row.phoneNumberId ?? "—")}
                </td>
                <td className="px-3 py-2">
                  <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${stateTones[row.state]}`}>
                    {t("stateName", { state: row.state })}
                  </span>
                </td>
                <td className="px-3 py-2 text-xs text-slate-600">{row.error ?? ""}</td>
                <td className="px-3 py-2 text-right">
                  {row.state === "FAILED" && (
                    <button
                      onClick={() => void replay(row.id)}
                      disabled={busy === row.id}
                      className="rounded-md border border-slate-200 px-2 py-1 text-xs hover:bg-slate-50 disabled:opacity-50"
                    >
                      {busy === row.id ? t("replaying") : t("replay")}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
