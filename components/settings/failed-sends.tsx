"use client";

import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { useRetryDeadLetter } from "@/components/api/mutations";
import type { DeadLetterItem } from "@/components/api/types";
import { useDates } from "@/components/i18n/use-dates";
import { metaErrorPhrase } from "@/lib/whatsapp/error-messages";

// Admins' list of send jobs that gave up (Settings → Failed sends): each with its error, its
// conversation and a Retry button. A retried row leaves the list and says what happened.

export function FailedSends({ items }: { items: DeadLetterItem[] }) {
  const t = useTranslations("settings.failedSends");
  const words = useTranslations();
  const format = useFormatter();
  const dates = useDates();
  const [rows, setRows] = useState(items);
  const [done, setDone] = useState<string | null>(null);
  const retrying = useRetryDeadLetter();
  const busy = retrying.isPending ? retrying.variables : null;

  const errorSentence = (code: number) => {
    const phrase = metaErrorPhrase({ code });
    return words(phrase.key, phrase.values);
  };

  async function retry(row: DeadLetterItem) {
    const outcome = await retrying.mutateAsync(row.id).catch(() => null);
    if (!outcome) return;
    setRows((current) => current.filter((item) => item.id !== row.id));
    setDone(
      outcome.requeued
        ? t("requeued", { customer: row.customer })
        : t("alreadyOn", { customer: row.customer, status: words("ui.status", { status: outcome.message.status }) }),
    );
  }

  return (
    <>
      {done && (
        <p role="status" className="mb-3 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          {done}
        </p>
      )}
      {retrying.error && (
        <p role="alert" className="mb-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {retrying.error.message}
        </p>
      )}
      {rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-8 text-center text-sm text-slate-500">{t("empty")}</p>
      ) : (
        <table className="w-full overflow-hidden rounded-lg border border-slate-200 bg-white text-sm" data-testid="failed-sends">
          <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-3 py-2">{t("gaveUp")}</th>
              <th className="px-3 py-2">{t("conversation")}</th>
              <th className="px-3 py-2">{t("message")}</th>
              <th className="px-3 py-2">{t("error")}</th>
              <th className="px-3 py-2 text-right">{t("tries")}</th>
              <th className="px-3 py-2" />
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} className="border-t border-slate-100 align-top" data-testid="failed-send">
                <td className="whitespace-nowrap px-3 py-2 tabular-nums">{dates.full(row.failedAt)}</td>
                <td className="px-3 py-2">
                  <Link href={`/inbox/${row.conversationId}`} className="font-medium text-emerald-700 hover:underline">
                    {row.customer}
                  </Link>
                  <span className="block text-xs text-slate-500">{row.inboxName}</span>
                </td>
                <td className="max-w-64 truncate px-3 py-2" title={row.message.preview}>
                  {row.message.preview}
                </td>
                <td className="px-3 py-2 text-xs">
                  {row.message.errorCode !== null && <span className="block text-slate-800">{errorSentence(row.message.errorCode)}</span>}
                  <span className="block text-slate-500">{row.error}</span>
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{format.number(row.attempts)}</td>
                <td className="px-3 py-2 text-right">
                  <button
                    onClick={() => void retry(row)}
                    disabled={busy === row.id}
                    className="rounded-md border border-slate-200 px-2 py-1 text-xs hover:bg-slate-50 disabled:opacity-50"
                  >
                    {busy === row.id ? t("retrying") : t("retry")}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
