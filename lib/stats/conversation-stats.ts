import "server-only";
import { db, Prisma } from "@/lib/db/client";
import type { ConversationStats, StatsQuery } from "./contract";
import { channelsOfKinds, sumCounts } from "./read-rollups";
import { bucketStarts, cover, floorQuarter } from "./slots";

// GET /api/stats/conversations: the team's work from ConversationEvent (opened, reopened,
// resolved, each reply to a waiting customer), filtered by inbox, agent, team and label; messages
// sent per agent from the message rollups; current load from the conversations now.

const utc = (date: Date) => Prisma.sql`${date}::timestamptz AT TIME ZONE 'UTC'`;

function eventFilters(query: StatsQuery): Prisma.Sql[] {
  const where: Prisma.Sql[] = [Prisma.sql`e.at >= ${utc(query.from)}`, Prisma.sql`e.at < ${utc(query.to)}`];
  if (query.inbox?.length) where.push(Prisma.sql`e."channelId" = ANY(${query.inbox}::text[])`);
  if (query.channelType?.length) where.push(channelsOfKinds(Prisma.sql`e."channelId"`, query.channelType));
  if (query.agent?.length) where.push(Prisma.sql`e."agentId" = ANY(${query.agent}::text[])`);
  if (query.team?.length) where.push(Prisma.sql`e."teamId" = ANY(${query.team}::text[])`);
  if (query.label?.length)
    where.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "ConversationLabel" cl WHERE cl."conversationId" = e."conversationId" AND cl."labelId" = ANY(${query.label}::text[]))`,
    );
  return where;
}

type Row = {
  agent: string | null;
  opened: bigint;
  resolved: bigint;
  reopened: bigint;
  r50: number | null;
  r90: number | null;
  s50: number | null;
  s90: number | null;
};

export async function conversationStats(query: StatsQuery): Promise<ConversationStats> {
  const from = query.from.getTime();
  const to = query.to.getTime();
  const where = Prisma.join(eventFilters(query), " AND ");
  const starts = bucketStarts(from, to, query.bucket, query.tz);
  const aggregates = Prisma.sql`count(*) FILTER (WHERE kind = 'opened') AS opened, count(*) FILTER (WHERE kind = 'resolved') AS resolved,
    count(*) FILTER (WHERE kind = 'reopened') AS reopened,
    percentile_disc(0.5) WITHIN GROUP (ORDER BY seconds) FILTER (WHERE kind = 'response') AS r50,
    percentile_disc(0.9) WITHIN GROUP (ORDER BY seconds) FILTER (WHERE kind = 'response') AS r90,
    percentile_disc(0.5) WITHIN GROUP (ORDER BY seconds) FILTER (WHERE kind = 'resolved') AS s50,
    percentile_disc(0.9) WITHIN GROUP (ORDER BY seconds) FILTER (WHERE kind = 'resolved') AS s90`;
  const [grouped, series, sentRows, load] = await Promise.all([
    // One pass for the team and each agent: the total is the grouping set ().
    db.$queryRaw<(Row & { whole: boolean })[]>`
      SELECT e."agentId" AS agent, GROUPING(e."agentId") = 1 AS whole, ${aggregates}
      FROM "ConversationEvent" e WHERE ${where} GROUP BY GROUPING SETS ((), (e."agentId"))`,
    db.$queryRaw<{ index: number; opened: bigint; resolved: bigint }[]>`
      SELECT width_bucket(e.at, ${starts.map((start) => new Date(start).toISOString().slice(0, 23))}::timestamp[]) - 1 AS index,
        count(*) FILTER (WHERE kind = 'opened') AS opened, count(*) FILTER (WHERE kind = 'resolved') AS resolved
      FROM "ConversationEvent" e WHERE ${where} GROUP BY 1`,
    sumCounts({ filters: query, ranges: cover(floorQuarter(from), floorQuarter(to)), group: ["agent"] }),
    db.$queryRaw<{ agent: string; count: bigint }[]>`
      SELECT "assigneeId" AS agent, count(*) FROM "Conversation" WHERE status = 'OPEN' AND "assigneeId" IS NOT NULL GROUP BY 1`,
  ]);
  const total = grouped.find((row) => row.whole);
  const perAgent = grouped.filter((row) => !row.whole && row.agent !== null);
  const sent = new Map(sentRows.map((row) => [row.keys.agent!, row.queued + row.sent + row.failed]));
  const loads = new Map(load.map((row) => [row.agent, Number(row.count)]));
  const agentIds = [...new Set([...perAgent.map((row) => row.agent!), ...sent.keys(), ...loads.keys()].filter(Boolean))];
  const filteredAgents = query.agent?.length ? agentIds.filter((id) => query.agent!.includes(id)) : agentIds;
  const users = await db.user.findMany({ where: { id: { in: filteredAgents } }, select: { id: true, name: true } });
  const names = new Map(users.map((user) => [user.id, user.name]));
  const byAgentRow = new Map(perAgent.map((row) => [row.agent!, row]));
  const perBucket = new Map(series.map((row) => [Number(row.index), row]));
  const num = (value: number | null | undefined) => (value === null || value === undefined ? null : Number(value));
  return {
    opened: Number(total?.opened ?? 0),
    resolved: Number(total?.resolved ?? 0),
    reopened: Number(total?.reopened ?? 0),
    firstResponse: { p50: num(total?.r50), p90: num(total?.r90) },
    resolution: { p50: num(total?.s50), p90: num(total?.s90) },
    series: starts.map((start, index) => ({
      bucket: new Date(start).toISOString(),
      opened: Number(perBucket.get(index)?.opened ?? 0),
      resolved: Number(perBucket.get(index)?.resolved ?? 0),
    })),
    byAgent: filteredAgents
      .filter((id) => names.has(id))
      .map((id) => {
        const row = byAgentRow.get(id);
        return {
          agentId: id,
          name: names.get(id)!,
          opened: Number(row?.opened ?? 0),
          resolved: Number(row?.resolved ?? 0),
          messagesSent: sent.get(id) ?? 0,
          firstResponse: { p50: num(row?.r50), p90: num(row?.r90) },
          resolution: { p50: num(row?.s50), p90: num(row?.s90) },
          currentLoad: loads.get(id) ?? 0,
        };
      })
      .sort((a, b) => b.messagesSent - a.messagesSent || a.name.localeCompare(b.name)),
  };
}
