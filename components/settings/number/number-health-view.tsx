"use client";

import { failureText } from "@/components/api/client";
import { useNumberHealth } from "@/components/api/hooks";
import type { NumberHealth } from "@/components/api/types";
import { NumberActions } from "./number-actions";

// The number as Meta reports it, and the timeline of Meta's reports with what to do about each.

const when = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const tiers: Record<string, string> = {
  TIER_50: "50 customers a day",
  TIER_250: "250 customers a day",
  TIER_1K: "1,000 customers a day",
  TIER_2K: "2,000 customers a day",
  TIER_10K: "10,000 customers a day",
  TIER_100K: "100,000 customers a day",
  TIER_UNLIMITED: "Unlimited",
};
const ratingTone: Record<string, string> = {
  GREEN: "bg-emerald-100 text-emerald-800",
  YELLOW: "bg-amber-100 text-amber-800",
  RED: "bg-red-100 text-red-800",
};
const words = (value: string | undefined) =>
  value ? (value.charAt(0) + value.slice(1).toLowerCase().replace(/_/g, " ")).replace(/\bapi\b/, "API") : "—";

export function NumberHealthView({ channelId, canAct }: { channelId: string; canAct: boolean }) {
  const query = useNumberHealth(channelId);
  if (query.isPending) return <p className="text-sm text-slate-500">Reading the number from WhatsApp…</p>;
  if (query.isError)
    return (
      <p role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-700">
        {failureText(query.error, "The number could not be read.")}
      </p>
    );
  const health = query.data;
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <div className="space-y-6">
        {health.unavailable && (
          <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">
            {health.unavailable}
          </p>
        )}
        <NumberFacts health={health} />
        <Timeline entries={health.timeline} />
      </div>
      <NumberActions channelId={channelId} health={health} canAct={canAct} />
    </div>
  );
}

function NumberFacts({ health }: { health: NumberHealth }) {
  const number = health.number;
  const rating = number?.quality_rating ?? "UNKNOWN";
  const oba = number?.official_business_account?.oba_status;
  const facts: [string, React.ReactNode][] = [
    ["Verified name", number?.verified_name ?? "—"],
    [
      "Display name review",
      `${words(number?.name_status)}${number?.new_display_name ? ` · "${number.new_display_name}" ${words(number.new_name_status).toLowerCase()}` : number?.new_name_status && number.new_name_status !== "NONE" ? ` · last request ${words(number.new_name_status).toLowerCase()}` : ""}`,
    ],
    [
      "Quality rating",
      <span
        key="rating"
        data-testid="quality-rating"
        className={`rounded px-1.5 py-0.5 text-xs font-semibold ${ratingTone[rating] ?? "bg-slate-100 text-slate-700"}`}
      >
        {rating}
      </span>,
    ],
    [
      "Messaging limit",
      <span key="limit" data-testid="messaging-limit">
        {tiers[number?.messaging_limit_tier ?? ""] ?? words(number?.messaging_limit_tier)}
      </span>,
    ],
    ["Throughput", words(number?.throughput?.level)],
    [
      "Blue tick",
      number?.is_official_business_account
        ? "Official business account ✓"
        : oba && oba !== "NOT_STARTED"
          ? `Request ${words(oba).toLowerCase()}`
          : "Not requested",
    ],
    ["Code verification", words(number?.code_verification_status)],
    ["Platform", `${words(number?.platform_type)} · ${words(number?.account_mode)}`],
    ["Two-step verification", health.pinSetAt ? `PIN set ${when.format(new Date(health.pinSetAt))}` : "Not set from Switchboard"],
  ];
  return (
    <section className="rounded-lg border border-slate-200 bg-white" aria-label="The number">
      <h2 className="border-b border-slate-100 px-4 py-2 text-sm font-semibold">
        {number?.display_phone_number ?? `+${health.channel.displayPhoneNumber}`}
        {health.checkedAt && (
          <span className="ml-2 text-xs font-normal text-slate-500">read {when.format(new Date(health.checkedAt))}</span>
        )}
      </h2>
      <dl className="grid grid-cols-[12rem_minmax(0,1fr)] gap-x-4 gap-y-1.5 px-4 py-3 text-sm">
        {facts.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-500">{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function Timeline({ entries }: { entries: NumberHealth["timeline"] }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white" data-testid="number-timeline">
      <h2 className="border-b border-slate-100 px-4 py-2 text-sm font-semibold">What Meta reported</h2>
      {entries.length === 0 && (
        <p className="px-4 py-3 text-sm text-slate-500">Nothing yet. Changes to the rating, limits, name and account appear here.</p>
      )}
      <ol>
        {entries.map((entry) => (
          <li
            key={entry.id}
            className="border-b border-slate-100 px-4 py-2 text-sm last:border-0"
            data-testid="timeline-entry"
            data-kind={entry.kind}
          >
            <p>
              <span className="mr-2 text-xs text-slate-500">{when.format(new Date(entry.at))}</span>
              {entry.summary}
            </p>
            {entry.advice && <p className="text-xs text-slate-600">What to do: {entry.advice}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}
