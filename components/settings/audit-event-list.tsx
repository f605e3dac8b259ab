import Link from "next/link";
import type { AuditEventDto } from "@/lib/audit/list-audit-events";
import { AuditTime } from "./audit-time";

// The recent audit events, a page at a time through ?before=<seq>. The event the latest check
// stopped at, if it is on this page, is marked.

export function AuditEventList({
  items,
  nextBefore,
  firstPage,
  brokenEventId,
}: {
  items: AuditEventDto[];
  nextBefore: string | null;
  firstPage: boolean;
  brokenEventId: string | null;
}) {
  return (
    <section>
      <h2 className="mb-2 text-sm font-semibold text-slate-700">Recent events</h2>
      {items.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-8 text-center text-sm text-slate-500">No audit events here.</p>
      ) : (
        <table className="w-full overflow-hidden rounded-lg border border-slate-200 bg-white text-sm">
          <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-3 py-2">#</th>
              <th className="px-3 py-2">Time</th>
              <th className="px-3 py-2">Actor</th>
              <th className="px-3 py-2">Action</th>
              <th className="px-3 py-2">Target</th>
              <th className="px-3 py-2">Reason</th>
            </tr>
          </thead>
          <tbody>
            {items.map((event) => (
              <tr
                key={event.id}
                className={`border-t border-slate-100 align-top ${event.id === brokenEventId ? "bg-red-50 text-red-900" : ""}`}
                data-testid="audit-event-row"
              >
                <td className="px-3 py-2 tabular-nums text-slate-400">{event.seq}</td>
                <td className="whitespace-nowrap px-3 py-2">
                  <AuditTime at={event.createdAt} />
                </td>
                <td className="px-3 py-2">{event.actorLabel}</td>
                <td className="px-3 py-2 font-mono text-xs">{event.action}</td>
                <td className="px-3 py-2 font-mono text-xs">
                  {event.targetType} <span className="text-slate-500">{event.targetId}</span>
                </td>
                <td className="px-3 py-2 text-xs text-slate-600">{event.reason ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav className="mt-3 flex gap-2 text-sm">
        {!firstPage && (
          <Link href="?" className="rounded-md border border-slate-200 px-2 py-1 hover:bg-slate-50">
            Newest
          </Link>
        )}
        {nextBefore && (
          <Link href={`?before=${nextBefore}`} className="rounded-md border border-slate-200 px-2 py-1 hover:bg-slate-50">
            Older
          </Link>
        )}
      </nav>
    </section>
  );
}
