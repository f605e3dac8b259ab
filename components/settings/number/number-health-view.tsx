"use client";

import { useTranslations } from "next-intl";
import { useNumberHealth } from "@/components/api/hooks";
import type { NumberHealth } from "@/components/api/types";
import { useDates } from "@/components/i18n/use-dates";
import { useErrorText } from "@/components/i18n/use-error-text";
import { NumberActions } from "./number-actions";

// The number as Meta reports it, and the timeline of Meta's reports with what to do about each.

// Meta's messaging limit tiers: customers a business may start conversations with per day.
const tiers: Record<string, number> = {
  TIER_50: 50,
  TIER_250: 250,
  TIER_1K: 1_000,
  TIER_2K: 2_000,
  TIER_10K: 10_000,
  TIER_100K: 100_000,
};
const ratingTone: Record<string, string> = {
  GREEN: "bg-emerald-100 text-emerald-800",
  YELLOW: "bg-amber-100 text-amber-800",
  RED: "bg-red-100 text-red-800",
};

export function NumberHealthView({ channelId, canAct }: { channelId: string; canAct: boolean }) {
  const t = useTranslations("numberHealth");
  const errorText = useErrorText();
  const query = useNumberHealth(channelId);
  if (query.isPending) return <p className="text-sm text-slate-500">{t("reading")}</p>;
  if (query.isError)
    return (
      <p role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-700">
        {errorText(query.error, t("readFailed"))}
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
  const t = useTranslations("numberHealth");
  const dates = useDates();
  // Meta's status words, in the reader's language where we know them, else as Meta spells them.
  const words = (value: string | undefined) => (value ? t("status", { value }) : "—");
  const tier = tiers[health.number?.messaging_limit_tier ?? ""] ?? null;
  const number = health.number;
  const rating = number?.quality_rating ?? "UNKNOWN";
  const oba = number?.official_business_account?.oba_status;
  const review = number?.new_display_name
    ? t("newNameReview", { name: number.new_display_name, status: words(number.new_name_status) })
    : number?.new_name_status && number.new_name_status !== "NONE"
      ? t("lastNameRequest", { status: words(number.new_name_status) })
      : "";
  const facts: [string, React.ReactNode][] = [
    [t("verifiedName"), number?.verified_name ?? "—"],
    [t("nameReview"), `${words(number?.name_status)}${review ? ` · ${review}` : ""}`],
    [
      t("qualityRating"),
      <span
        key="rating"
        data-testid="quality-rating"
        className={`rounded px-1.5 py-0.5 text-xs font-semibold ${ratingTone[rating] ?? "bg-slate-100 text-slate-700"}`}
      >
        {t("rating", { rating })}
      </span>,
    ],
    [
      t("messagingLimit"),
      <span key="limit" data-testid="messaging-limit">
        {tier !== null
          ? t("tier", { count: tier })
          : number?.messaging_limit_tier === "TIER_UNLIMITED"
            ? t("unlimited")
            : words(number?.messaging_limit_tier)}
      </span>,
    ],
    [t("throughput"), words(number?.throughput?.level)],
    [
      t("blueTick"),
      number?.is_official_business_account
        ? t("official")
        : oba && oba !== "NOT_STARTED"
          ? t("blueTickRequest", { status: words(oba) })
          : t("notRequested"),
    ],
    [t("codeVerification"), words(number?.code_verification_status)],
    [t("platform"), `${words(number?.platform_type)} · ${words(number?.account_mode)}`],
    [t("twoStep"), health.pinSetAt ? t("pinSet", { date: dates.full(health.pinSetAt) }) : t("pinNotSet")],
  ];
  return (
    <section className="rounded-lg border border-slate-200 bg-white" aria-label={t("theNumber")}>
      <h2 className="border-b border-slate-100 px-4 py-2 text-sm font-semibold">
        {number?.display_phone_number ?? `+${health.channel.displayPhoneNumber}`}
        {health.checkedAt && (
          <span className="ml-2 text-xs font-normal text-slate-500">{t("read", { date: dates.full(health.checkedAt) })}</span>
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
  const t = useTranslations("numberHealth");
  const dates = useDates();
  return (
    <section className="rounded-lg border border-slate-200 bg-white" data-testid="number-timeline">
      <h2 className="border-b border-slate-100 px-4 py-2 text-sm font-semibold">{t("timeline")}</h2>
      {entries.length === 0 && <p className="px-4 py-3 text-sm text-slate-500">{t("timelineEmpty")}</p>}
      <ol>
        {entries.map((entry) => (
          <li
            key={entry.id}
            className="border-b border-slate-100 px-4 py-2 text-sm last:border-0"
            data-testid="timeline-entry"
            data-kind={entry.kind}
          >
            <p>
              <span className="mr-2 text-xs text-slate-500">{dates.full(entry.at)}</span>
              {entry.summary}
            </p>
            {entry.advice && <p className="text-xs text-slate-600">{t("whatToDo", { advice: entry.advice })}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}
