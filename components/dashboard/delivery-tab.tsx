"use client";

import { useMessageStats } from "@/components/api/hooks";
import type { Rates } from "@/lib/stats/contract";
import { useDashboard } from "./dashboard-context";
import { Funnel } from "./funnel";
import { SeriesChart } from "./series-chart";
import { Empty, Loaded, Section } from "./states";
import { Tile } from "./tile";
import { PercentileTable, ReadHistogram } from "./timings";

export function DeliveryTab() {
  const { state } = useDashboard();
  const query = useMessageStats(state.params);
  return (
    <Loaded query={query} rows={6}>
      {(stats) => {
        const { totals } = stats;
        if (totals.sent + totals.failed + totals.queued === 0) return <Empty>No messages sent in this range.</Empty>;
        return (
          <div className="grid gap-4 lg:grid-cols-2">
            <Section title="Funnel">
              <Funnel totals={totals} previous={stats.previous.totals} />
            </Section>
            <Section title="Rates">
              <RateTiles rates={stats.rates} previous={stats.previous.rates} />
              <div className="mt-4">
                <PercentileTable
                  rows={[
                    { label: "Time to deliver", values: stats.timeToDeliver },
                    { label: "Time to read", values: stats.timeToRead },
                  ]}
                />
              </div>
            </Section>
            <div className="lg:col-span-2">
              <Section title="Over time, against the previous period">
                <SeriesChart stats={stats} />
              </Section>
            </div>
            <div className="lg:col-span-2">
              <Section title="Time to read">
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
  const { format, drill } = useDashboard();
  const before = (value: number | null) => `Period before: ${format.rate(value)}`;
  return (
    <div className="grid grid-cols-3 gap-2">
      <Tile
        label="Delivery rate"
        value={format.rate(rates.delivery)}
        note={before(previous.delivery)}
        tone="good"
        testId="rate-delivery"
        onOpen={() => drill({ title: "Delivered messages", status: "delivered" })}
      />
      <Tile
        label="Read rate"
        value={format.rate(rates.read)}
        note={before(previous.read)}
        testId="rate-read"
        onOpen={() => drill({ title: "Read messages", status: "read" })}
      />
      <Tile
        label="Failure rate"
        value={format.rate(rates.failure)}
        note={before(previous.failure)}
        tone={rates.failure ? "bad" : "plain"}
        testId="rate-failure"
        onOpen={() => drill({ title: "Failed messages", status: "failed" })}
      />
    </div>
  );
}
