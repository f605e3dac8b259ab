"use client";

import { useTranslations } from "next-intl";
import { useMessageStats } from "@/components/api/hooks";
import type { Rates } from "@/lib/stats/contract";
import { useDashboard } from "./dashboard-context";
import { Funnel } from "./funnel";
import { SeriesChart } from "./series-chart";
import { Empty, Loaded, Section } from "./states";
import { Tile } from "./tile";
import { PercentileTable, ReadHistogram } from "./timings";

export function DeliveryTab() {
  const t = useTranslations("dashboard");
  const { state } = useDashboard();
  const query = useMessageStats(state.params);
  return (
    <Loaded query={query} rows={6}>
      {(stats) => {
        const { totals } = stats;
        if (totals.sent + totals.failed + totals.queued === 0) return <Empty>{t("noMessages")}</Empty>;
        return (
          <div className="grid gap-4 lg:grid-cols-2">
            <Section title={t("funnel")}>
              <Funnel totals={totals} previous={stats.previous.totals} />
            </Section>
            <Section title={t("rates")}>
              <RateTiles rates={stats.rates} previous={stats.previous.rates} />
              <div className="mt-4">
                <PercentileTable
                  rows={[
                    { label: t("timeToDeliver"), values: stats.timeToDeliver },
                    { label: t("timeToRead"), values: stats.timeToRead },
                  ]}
                />
              </div>
            </Section>
            <div className="lg:col-span-2">
              <Section title={t("overTime")}>
                <SeriesChart stats={stats} />
              </Section>
            </div>
            <div className="lg:col-span-2">
              <Section title={t("timeToRead")}>
                <ReadHistogram buckets={stats.timeToReadHistogram} />
              </Section>
            </div>
          </div>
        );
      }}
    </Loaded>
  );
}

function RateTiles({ rates, previous }: { rates: Rates; previous: Rates }) {
  const t = useTranslations("dashboard");
  const { format, drill } = useDashboard();
  const before = (value: number | null) => t("periodBefore", { value: format.rate(value) });
  return (
    <div className="grid grid-cols-3 gap-2">
      <Tile
        label={t("column", { column: "deliveryRate" })}
        value={format.rate(rates.delivery)}
        note={before(previous.delivery)}
        tone="good"
        testId="rate-delivery"
        onOpen={() => drill({ title: t("statusMessages", { status: "delivered" }), status: "delivered" })}
      />
      <Tile
        label={t("column", { column: "readRate" })}
        value={format.rate(rates.read)}
        note={before(previous.read)}
        testId="rate-read"
        onOpen={() => drill({ title: t("statusMessages", { status: "read" }), status: "read" })}
      />
      <Tile
        label={t("failureRate")}
        value={format.rate(rates.failure)}
        note={before(previous.failure)}
        tone={rates.failure ? "bad" : "plain"}
        testId="rate-failure"
        onOpen={() => drill({ title: t("statusMessages", { status: "failed" }), status: "failed" })}
      />
    </div>
  );
}
