// The team rollups (docs/architecture.md, "Statistics"): conversations opened, resolved and
// reopened, and histograms of first response and resolution times, per inbox × agent × team
// (× label), made from ConversationEvent. The fold takes the events its last snapshot did not see
// (every event carries the id of the transaction that wrote it), so the triggers do no more work
// than writing the event itself. Pure.

import { foldStatements } from "./grouping-sql";
import type { Level } from "./slots";

export const teamColumns = ["channel", "agent", "team", "label"] as const;
export type TeamColumn = (typeof teamColumns)[number];
export const teamBit = Object.fromEntries(teamColumns.map((column, index) => [column, 1 << index])) as Record<TeamColumn, number>;

export const teamCounts = ["opened", "resolved", "reopened"] as const;

/** Histogram metrics: first response (customer waiting → reply) and resolution (opened → resolved). */
export const FIRST_RESPONSE = 0;
export const RESOLUTION = 1;

/** Totals, by agent, by inbox × agent × team, and the same by label. Conversations are few: every set is small. */
export const teamSets: number[] = [0, teamBit.agent, teamBit.channel | teamBit.agent | teamBit.team, 15];

export function teamSetFor(mask: number): number {
  const found = teamSets.find((set) => (set & mask) === mask);
  if (found === undefined) throw new Error(`no team grouping set holds ${mask}`);
  return found;
}

/**
 * Counts from 15 minutes up (series in any time zone); histograms from hours up, so a range's edges
 * (5½ hours at each end of a Kolkata day) are read from hourly slots, and only their quarters from
 * the events.
 */
export function teamLevelsOf(_set: number, table: "counts" | "latency"): { lowest: Level; highest: Level } {
  return { lowest: table === "counts" ? 0 : 1, highest: 3 };
}

/** What a ConversationEvent row (aliased `e`) counts as: the one definition the fold, the rebuild and the raw reads share. */
export function eventFacts(e: string) {
  return {
    dims: { channel: `${e}."channelId"`, agent: `coalesce(${e}."agentId", '')`, team: `coalesce(${e}."teamId", '')` },
    counts: {
      opened: `(${e}.kind = 'opened')::int`,
      resolved: `(${e}.kind = 'resolved')::int`,
      reopened: `(${e}.kind = 'reopened')::int`,
    } satisfies Record<(typeof teamCounts)[number], string>,
    latencies: [
      [FIRST_RESPONSE, `(CASE WHEN ${e}.kind = 'response' THEN ${e}.seconds END)`],
      [RESOLUTION, `(CASE WHEN ${e}.kind = 'resolved' THEN ${e}.seconds END)`],
    ] as [number, string][],
  };
}

export const createTeamFactsTable = `CREATE TEMP TABLE team_facts (sign int, labels text[], label_only boolean, at timestamp(3),
  channel text, agent text, team text, opened int, resolved int, reopened int, response double precision, resolution double precision)
  ON COMMIT DROP`;

/** The columns of team_facts after sign, labels and label_only, for an event e. */
const facts = eventFacts("e");
const fact = `e.at, ${Object.values(facts.dims).join(", ")}, ${Object.values(facts.counts).join(", ")},
  ${facts.latencies.map(([, seconds]) => seconds).join(", ")}`;
const labelsNow = `coalesce((SELECT array_agg(cl."labelId") FROM "ConversationLabel" cl WHERE cl."conversationId" = e."conversationId"), '{}')`;

/** Every event, with its conversation's labels now, for the rebuild. */
export const teamFactsFromEvents = `INSERT INTO team_facts SELECT 1, ${labelsNow}, false, ${fact} FROM "ConversationEvent" e`;

/**
 * The last fold's snapshot of the events (`StatsState.eventSnapshot`), as text: null while the
 * rollups wait for a rebuild. The statements below take it as their parameter $1 rather than read
 * it themselves: given as a value, the planner reads the events from its xmin up through the index
 * on their transaction ids; read in the statement, it cannot tell how many events that range holds
 * and scans them all.
 */
export const teamSnapshot = `SELECT "eventSnapshot"::text AS seen FROM "StatsState" WHERE id = 1`;

/** The events the snapshot $1 did not see. */
const unseenEvents = `e.xid >= pg_snapshot_xmin($1::pg_snapshot) AND NOT pg_visible_in_snapshot(e.xid, $1::pg_snapshot)`;

/**
 * For the fold, in one statement (one snapshot), given the last fold's snapshot ($1, read under
 * the rollups' lock): the events it did not see, with their conversations' labels now; and for each
 * label added (+1) or removed (-1) since, the conversation's events it did see, for that label only.
 * The snapshot moves on to this statement's, so every event and every label change is counted once,
 * in whichever order they commit.
 */
export const teamFactsFromChanges = `WITH labelled AS (DELETE FROM "StatsDelta" WHERE kind = 3 RETURNING "conversationId", labels[1] AS label, sign),
  moved AS (UPDATE "StatsState" SET "eventSnapshot" = pg_current_snapshot() WHERE id = 1 AND "eventSnapshot" IS NOT NULL RETURNING 1)
  INSERT INTO team_facts
  SELECT 1, ${labelsNow}, false, ${fact}
  FROM "ConversationEvent" e
  WHERE ${unseenEvents}
  UNION ALL
  SELECT l.sign, ARRAY[l.label], true, ${fact}
  FROM labelled l JOIN "ConversationEvent" e ON e."conversationId" = l."conversationId"
  WHERE pg_visible_in_snapshot(e.xid, $1::pg_snapshot)`;

/** Whether any event waits for the fold past the snapshot $1 (an index range on the events' transaction ids). */
export const teamEventsWaiting = `SELECT EXISTS (SELECT 1 FROM "ConversationEvent" e WHERE ${unseenEvents}) AS events`;

/** After a rebuild, the fold starts from the rebuild's snapshot. */
export const markTeamRebuilt = `UPDATE "StatsState" SET "eventSnapshot" = pg_current_snapshot() WHERE id = 1`;

export const {
  createGroupedCounts: createTeamGroupedCounts,
  createGroupedCountsForRebuild: createTeamGroupedCountsForRebuild,
  upsertCounts: upsertTeamCounts,
  insertCounts: insertTeamCounts,
  createGroupedLatencies: createTeamGroupedLatencies,
  createGroupedLatenciesForRebuild: createTeamGroupedLatenciesForRebuild,
  upsertLatencies: upsertTeamLatencies,
  insertLatencies: insertTeamLatencies,
} = foldStatements({
  prefix: "team",
  countsTable: "ConversationRollup",
  latencyTable: "ConversationLatencyRollup",
  columns: teamColumns,
  keyOrder: teamColumns,
  bit: teamBit,
  counts: teamCounts,
  countSets: teamSets,
  latencySets: teamSets,
  levelsOf: teamLevelsOf,
  latencies: `(${FIRST_RESPONSE}, f.response), (${RESOLUTION}, f.resolution)`,
  where: "true",
});
