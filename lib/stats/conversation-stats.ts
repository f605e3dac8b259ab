import "server-only";
import { db } from "@/lib/db/client";
import type { ConversationStats, StatsQuery } from "./contract";
import { percentile, type Histogram } from "./histogram";
import { messageFilter, messageSource } from "./message-source";
import { sumCounts, sumLatencies } from "./read-rollups";
import { bucketSpans, bucketStarts, floorQuarter } from "./slots";
import { FIRST_RESPONSE, RESOLUTION } from "./team-sql";
import { teamFilter, teamSource } from "./team-source";

// GET /api/stats/conversations: the team's work (opened, reopened, resolved, first response and
// resolution times) from the team rollups, filtered by inbox, channel type, agent, team and label;
// messages sent per agent from the message rollups; current load from the conversations now.

const both = (histogram: Histogram | undefined) => ({
  p50: histogram ? percentile(histogram, 0.5) : null,
  p90: histogram ? percentile(histogram, 0.9) : null,
});

function merge(into: Map<number, Histogram>, from: Map<number, Histogram>) {
  for (const [metric, histogram] of from) {
    const target = into.get(metric) ?? new Map<number, number>();
    into.set(metric, target);
    for (const [bucket, count] of histogram) target.set(bucket, (target.get(bucket) ?? 0) + count);
  }
}

export async function conversationStats(query: StatsQuery): Promise<ConversationStats> {
  const from = query.from.getTime();
  const to = query.to.getTime();
  const whole = { from: floorQuarter(from), to: floorQuarter(to) };
  const starts = bucketStarts(from, to, query.bucket, query.tz);
  const filter = teamFilter(query);
  const [agentRows, latencyRows, series, sentRows, load] = await Promise.all([
    sumCounts(teamSource, { filter, spans: [whole], group: ["agent"] }),
    sumLatencies(teamSource, { filter, span: whole, group: ["agent"] }),
    sumCounts(teamSource, { filter, spans: bucketSpans(from, to, starts) }),
    sumCounts(messageSource, { filter: messageFilter(query), spans: [whole], group: ["agent"] }),
    db.$queryRaw<{ agent: string; count: bigint }[]>`
      SELECT "assigneeId" AS agent, count(*) FROM "Conversation" WHERE status = 'OPEN' AND "assigneeId" IS NOT NULL GROUP BY 1`,
  ]);
  const total = { opened: 0, resolved: 0, reopened: 0 };
  for (const row of agentRows) for (const name of ["opened", "resolved", "reopened"] as const) total[name] += row[name];
  const teamHistograms = new Map<number, Histogram>();
  for (const row of latencyRows) merge(teamHistograms, row.histograms);
  // An agent whose added and subtracted slots cancel out had no event in the range.
  const counted = new Map(
    agentRows.filter((row) => row.keys.agent && (row.opened || row.resolved || row.reopened)).map((row) => [row.keys.agent!, row]),
  );
  const histograms = new Map(latencyRows.map((row) => [row.keys.agent!, row.histograms]));
  const sent = new Map(
    sentRows.filter((row) => row.queued + row.sent + row.failed > 0).map((row) => [row.keys.agent!, row.queued + row.sent + row.failed]),
  );
  const loads = new Map(load.map((row) => [row.agent, Number(row.count)]));
  const responded = latencyRows.filter((row) => [...row.histograms.values()].some((histogram) => histogram.size > 0));
  const agentIds = [
    ...new Set([...counted.keys(), ...responded.map((row) => row.keys.agent!), ...sent.keys(), ...loads.keys()].filter(Boolean)),
  ];
  const filteredAgents = query.agent?.length ? agentIds.filter((id) => query.agent!.includes(id)) : agentIds;
  const users = await db.user.findMany({ where: { id: { in: filteredAgents } }, select: { id: true, name: true } });
  const names = new Map(users.map((user) => [user.id, user.name]));
  const perBucket = new Map(series.map((row) => [row.index, row]));
  return {
    ...total,
    firstResponse: both(teamHistograms.get(FIRST_RESPONSE)),
    resolution: both(teamHistograms.get(RESOLUTION)),
    series: starts.map((start, index) => ({
      bucket: new Date(start).toISOString(),
      opened: perBucket.get(index)?.opened ?? 0,
      resolved: perBucket.get(index)?.resolved ?? 0,
    })),
    byAgent: filteredAgents
      .filter((id) => names.has(id))
      .map((id) => {
        const row = counted.get(id);
        return {
          agentId: id,
          name: names.get(id)!,
          opened: row?.opened ?? 0,
          resolved: row?.resolved ?? 0,
          messagesSent: sent.get(id) ?? 0,
          firstResponse: both(histograms.get(id)?.get(FIRST_RESPONSE)),
          resolution: both(histograms.get(id)?.get(RESOLUTION)),
          currentLoad: loads.get(id) ?? 0,
        };
      })
      .sort((a, b) => b.messagesSent - a.messagesSent || a.name.localeCompare(b.name)),
  };
}
