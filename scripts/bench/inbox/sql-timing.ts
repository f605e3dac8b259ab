import { setDatabaseUrl } from "../../../lib/config";
import { PrismaPg } from "@prisma/adapter-pg";
import type pg from "pg";
import { PrismaClient } from "../../../lib/db/generated/client.ts";
import type { Case } from "./cases";
import { summarize, type Summary } from "../ingest/stats";

// The same work without HTTP: the lib function in this process (Prisma and the database), and the
// exact statements Prisma sent, replayed on a bare pg connection (the database alone). Three
// layers side by side tell where a slow case spends its time.

type Statement = { query: string; params: unknown[] };
export type SqlTiming = {
  lib: Summary;
  sql: Summary;
  statements: { query: string; p50: number }[];
};

let capture: Statement[] | null = null;

/** Gives lib/db/client a Prisma client that reports every statement it sends. Call before using lib/. */
export function installCapturingClient(databaseUrl: string): () => Promise<void> {
  setDatabaseUrl(databaseUrl);
  const client = new PrismaClient({
    adapter: new PrismaPg({ connectionString: databaseUrl, max: 4 }),
    log: [{ emit: "event", level: "query" }],
  });
  client.$on("query", (event) => {
    if (!capture) return;
    // Prisma reports a transaction's statements and its COMMIT, but not the BEGIN before them.
    const inTransaction = capture.findLastIndex((s) => s.query === "BEGIN") > capture.findLastIndex((s) => s.query === "COMMIT");
    if (/^SET LOCAL /i.test(event.query) && !inTransaction) capture.push({ query: "BEGIN", params: [] });
    capture.push({ query: event.query, params: JSON.parse(event.params) as unknown[] });
  });
  (globalThis as unknown as { switchboardPrisma?: unknown }).switchboardPrisma = client;
  return () => client.$disconnect();
}

export async function libCall(item: Case, userId: string, index: number): Promise<unknown> {
  // Imported late: lib/db/client must find the capturing client first.
  const { listConversations } = await import("../../../lib/conversations/list-conversations");
  const { findConversationForUser } = await import("../../../lib/conversations/find-conversation");
  const { listMessages } = await import("../../../lib/conversations/list-messages");
  const { serializeConversation } = await import("../../../lib/conversations/serializers");
  if (item.kind === "path") throw new Error(`${item.name} has no in-process call`);
  if (item.kind === "list") return listConversations({ userId, filter: item.filter });
  const conversationId = item.ids[index % item.ids.length]!;
  if (item.kind === "conversation") return serializeConversation(await findConversationForUser({ conversationId, userId }));
  return listMessages({ conversationId, userId });
}

export async function timeSql({
  item,
  userId,
  client,
  reps,
}: {
  item: Case;
  userId: string;
  client: pg.ClientBase;
  reps: number;
}): Promise<SqlTiming> {
  for (let index = 0; index < 3; index++) await libCall(item, userId, index);
  const lib: number[] = [];
  for (let index = 0; index < reps; index++) {
    const started = performance.now();
    await libCall(item, userId, index);
    lib.push(performance.now() - started);
  }
  const statements = await capturedStatements(item, userId);

  const perStatement: number[][] = statements.map(() => []);
  const totals: number[] = [];
  for (let rep = -2; rep < reps; rep++) {
    let total = 0;
    for (const [index, statement] of statements.entries()) {
      const started = performance.now();
      await client.query(statement.query, statement.params);
      const ms = performance.now() - started;
      total += ms;
      if (rep >= 0) perStatement[index]!.push(ms);
    }
    if (rep >= 0) totals.push(total);
  }
  return {
    lib: summarize(lib),
    sql: summarize(totals),
    statements: statements.map((statement, index) => ({ query: statement.query, p50: summarize(perStatement[index]!).p50 })),
  };
}

async function capturedStatements(item: Case, userId: string): Promise<Statement[]> {
  capture = [];
  try {
    await libCall(item, userId, 0);
    return capture;
  } finally {
    capture = null;
  }
}

/** EXPLAIN (ANALYZE, BUFFERS) of every query of the case, slowest first (BEGIN, SET, COMMIT run as they are). */
export async function explainCase({ item, userId, client }: { item: Case; userId: string; client: pg.ClientBase }) {
  const plans: { query: string; ms: number; plan: string }[] = [];
  for (const statement of await capturedStatements(item, userId)) {
    if (!/^\s*(SELECT|WITH)\b/i.test(statement.query)) {
      await client.query(statement.query, statement.params);
      continue;
    }
    const { rows } = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${statement.query}`, statement.params);
    const plan = rows.map((row) => row["QUERY PLAN"]).join("\n");
    const ms = Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? NaN);
    plans.push({ query: statement.query, ms, plan });
  }
  return plans.sort((a, b) => b.ms - a.ms);
}
