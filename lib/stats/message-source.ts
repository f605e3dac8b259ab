import "server-only";
import { Prisma } from "@/lib/db/client";
import type { StatsFilters } from "./contract";
import { codesOfCountry } from "./countries";
import { bit, columnOf, levelsOf, setFor, type RollupColumn } from "./dimensions";
import { channelsOfKinds, labelsOfRow, type RollupSource, type SourceFilter } from "./read-rollups";
import { messageFacts } from "./rollup-sql";

// The message rollups as lib/stats/read-rollups.ts reads them: MessageRollup and
// MessageLatencyRollup, made from outbound messages (not private notes) by their createdAt.

export const countNames = ["queued", "sent", "delivered", "read", "failed", "replied", "billable", "free", "cost"] as const;
export type Counts = Record<(typeof countNames)[number], number>;

/** Histogram metrics: time to deliver and time to read. */
export const DELIVER = 0;
export const READ = 1;

const facts = messageFacts({ template: "stats_template(m.type, m.content)", kind: "stats_kind(m.type, m.content)" });

export const messageSource: RollupSource<RollupColumn, (typeof countNames)[number]> = {
  countsTable: "MessageRollup",
  latencyTable: "MessageLatencyRollup",
  countNames,
  bit,
  setFor,
  levelsOf,
  raw: {
    rows: Prisma.sql`SELECT m.* FROM "Message" m
      WHERE m."createdAt" >= r."from" AND m."createdAt" < r."to" AND m.direction = 'OUTBOUND' AND NOT m.private OFFSET 0`,
    column: (column) => (column === "label" ? `cl."labelId"` : facts.dims[column]),
    counts: facts.counts,
    latencies: [
      [DELIVER, facts.dsec],
      [READ, facts.rsec],
    ],
    labels: labelsOfRow,
  },
};

/** The statistics' filters as conditions on the message rollups (or on the messages themselves). */
export function messageFilter(filters: StatsFilters): SourceFilter<RollupColumn> {
  let mask = 0;
  for (const [dimension, column] of Object.entries(columnOf)) {
    if (filters[dimension as keyof StatsFilters]?.length) mask |= bit[column];
  }
  return {
    mask,
    where: (col) => {
      const where: Prisma.Sql[] = [];
      const any = (column: RollupColumn, values: string[]) => Prisma.sql`${Prisma.raw(col(column))} = ANY(${values}::text[])`;
      if (filters.inbox?.length) where.push(any("channel", filters.inbox));
      if (filters.channelType?.length) where.push(channelsOfKinds(Prisma.raw(col("channel")), filters.channelType));
      if (filters.agent?.length) where.push(any("agent", filters.agent));
      if (filters.team?.length) where.push(any("team", filters.team));
      if (filters.template?.length) {
        const full = filters.template.filter((value) => value.includes(":"));
        const bare = filters.template.filter((value) => !value.includes(":"));
        const template = Prisma.raw(col("template"));
        where.push(Prisma.sql`(${template} = ANY(${full}::text[]) OR split_part(${template}, ':', 1) = ANY(${bare}::text[]))`);
      }
      if (filters.kind?.length) where.push(any("kind", filters.kind));
      if (filters.category?.length)
        where.push(
          any(
            "category",
            filters.category.map((value) => value.toLowerCase()),
          ),
        );
      if (filters.pricing?.length) where.push(any("pricing", filters.pricing));
      if (filters.country?.length) where.push(any("code", filters.country.flatMap(codesOfCountry)));
      if (filters.label?.length) where.push(any("label", filters.label));
      return where;
    },
  };
}
