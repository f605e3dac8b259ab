"use client";

import Link from "next/link";
import { useState } from "react";
import { useRetryDeadLetter } from "@/components/api/mutations";
import type { DeadLetterItem } from "@/components/api/types";
import { describeMetaError } from "@/lib/whatsapp/error-messages";

const when = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const number = new Intl.NumberFormat();

// Admins' list of send jobs that gave up (Settings → Failed sends): each with its error, its
// conversation and a Retry button. A retried row leaves the list and says what happened.

export function FailedSends({ items }: { items: DeadLetterItem[] }) {
  const [rows, setRows] = useState(items);
  const [done, setDone] = useState<string | null>(null);
  const retrying = useRetryDeadLetter();
  const busy = retrying.isPending ? retrying.variables : null;

  async function retry(row: DeadLetterItem) {
    const outcome = await retrying.mutateAsync(row.id).catch(() => null);
    if (!outcome) return;
    setRows((current) => current.filter((item) => item.id !== row.id));
    setDone(
      outcome.requeued
        ? `The message to ${row.customer} is queued to be sent again.`
        : `The message to ${row.customer} had already gone on (${outcome.message.status.toLowerCase()}): removed from the list.`,
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
        <p className="rounded-lg border border-dashed border-slate-300 p-8 text-center text-sm text-slate-500">
          No failed sends: every message either went out or is still being sent.
        </p>
      ) : (
        <table className="w-full overflow-hidden rounded-lg border border-slate-200 bg-white text-sm" data-testid="failed-sends">
          <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-3 py-2">Gave up</th>
              <th className="px-3 py-2">Conversation</th>
              <th className="px-3 py-2">Message</th>
              <th className="px-3 py-2">Error</th>
              <th className="px-3 py-2 text-right">Tries</th>
              <th className="px-3 py-2" />
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} className="border-t border-slate-100 align-top" data-testid="failed-send">
                <td className="whitespace-nowrap px-3 py-2 tabular-nums">{when.format(new Date(row.failedAt))}</td>
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
                  {row.message.errorCode !== null && (
                    <span className="block text-slate-800">{describeMetaError({ code: row.message.errorCode })}</span>
                  )}
                  <span className="block text-slate-500">{row.error}</span>
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{number.format(row.attempts)}</td>
                <td className="px-3 py-2 text-right">
                  <button
                    onClick={() => void retry(row)}
                    disabled={busy === row.id}
                    className="rounded-md border border-slate-200 px-2 py-1 text-xs hover:bg-slate-50 disabled:opacity-50"
                  >
                    {busy === row.id ? "Retrying…" : "Retry"}
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
