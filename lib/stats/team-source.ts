import "server-only";
import { Prisma } from "@/lib/db/client";
import type { StatsFilters } from "./contract";
import { channelsOfKinds, labelsOfRow, type RollupSource, type SourceFilter } from "./read-rollups";
import { eventFacts, teamBit, teamCounts, teamLevelsOf, teamSetFor, type TeamColumn } from "./team-sql";

// The team rollups as lib/stats/read-rollups.ts reads them: ConversationRollup and
// ConversationLatencyRollup, made from ConversationEvent by the event's time.

const facts = eventFacts("m");

export const teamSource: RollupSource<TeamColumn, (typeof teamCounts)[number]> = {
  countsTable: "ConversationRollup",
  latencyTable: "ConversationLatencyRollup",
  countNames: teamCounts,
  bit: teamBit,
  setFor: (mask) => teamSetFor(mask),
  levelsOf: teamLevelsOf,
  raw: {
    rows: Prisma.sql`SELECT m.* FROM "ConversationEvent" m WHERE m.at >= r."from" AND m.at < r."to" OFFSET 0`,
    column: (column) => (column === "label" ? `cl."labelId"` : facts.dims[column]),
    counts: facts.counts,
    latencies: facts.latencies,
    labels: labelsOfRow,
  },
};

/**
 * The filters the team statistics take (inbox, channel type, agent, team, label) as conditions on
 * the team rollups or the events. The channel type is read from the inbox column by the channel's kind.
 */
export function teamFilter(filters: StatsFilters): SourceFilter<TeamColumn> {
  const used: [TeamColumn, string[] | undefined][] = [
    ["channel", filters.inbox],
    ["agent", filters.agent],
    ["team", filters.team],
    ["label", filters.label],
  ];
  const present = used.filter((entry): entry is [TeamColumn, string[]] => Boolean(entry[1]?.length));
  const kinds = filters.channelType?.length ? filters.channelType : null;
  return {
    mask: present.reduce((mask, [column]) => mask | teamBit[column], kinds ? teamBit.channel : 0),
    where: (col) => [
      ...present.map(([column, values]) => Prisma.sql`${Prisma.raw(col(column))} = ANY(${values}::text[])`),
      ...(kinds ? [channelsOfKinds(Prisma.raw(col("channel")), kinds)] : []),
    ],
  };
}
