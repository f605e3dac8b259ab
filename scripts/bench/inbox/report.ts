import { ms, round, table, type Summary } from "../ingest/stats";
import type { BrowserLoad, BundleSize } from "./bundle";
import type { SqlTiming } from "./sql-timing";

// The printed table and the JSON written next to it.

export const TARGET_P95_MS = 50;

export type CaseReport = {
  name: string;
  path: string;
  sequential: Summary & { errors: number; truncated: boolean };
  concurrent: Summary & { errors: number; truncated: boolean; requestsPerSecond: number };
  firstError: string | null;
  timing: SqlTiming | null;
  /** Sequential p50 over the same run's GET /api/health p50: the cost above a bare round trip. */
  vsFloor: number;
};

export function printCases(cases: CaseReport[], { concurrency, floor }: { concurrency: number; floor: Summary }) {
  const header = [
    "case",
    "p50",
    "p95",
    "p99",
    `c${concurrency} p50`,
    `c${concurrency} p95`,
    "req/s",
    "×floor",
    "lib p50",
    "SQL p50",
    "stmts",
    "",
  ];
  const rows = cases.map((item) => {
    const flags = [
      item.sequential.p95 >= TARGET_P95_MS ? `p95 ≥ ${TARGET_P95_MS} ms` : "",
      item.concurrent.p95 >= TARGET_P95_MS ? `c${concurrency} p95 ≥ ${TARGET_P95_MS} ms` : "",
      item.sequential.errors + item.concurrent.errors ? `${item.sequential.errors + item.concurrent.errors} errors` : "",
      item.sequential.truncated || item.concurrent.truncated ? "stopped at --max-seconds" : "",
    ].filter(Boolean);
    return [
      item.name,
      ms(item.sequential.p50),
      ms(item.sequential.p95),
      ms(item.sequential.p99),
      ms(item.concurrent.p50),
      ms(item.concurrent.p95),
      String(Math.round(item.concurrent.requestsPerSecond)),
      `${item.vsFloor.toFixed(1)}×`,
      item.timing ? ms(item.timing.lib.p50) : "–",
      item.timing ? ms(item.timing.sql.p50) : "–",
      item.timing ? String(item.timing.statements.length) : "–",
      flags.length ? `✗ ${flags.join(", ")}` : "",
    ];
  });
  console.log(`\nHTTP floor (GET /api/health, sequential): p50 ${ms(floor.p50)}, p95 ${ms(floor.p95)}`);
  console.log(table([header, ...rows]));
  console.log(
    `p50/p95/p99: sequential requests; c${concurrency}: ${concurrency} clients at once; ×floor: p50 over the health check's;` +
      ` lib: the same call in-process (Prisma + database); SQL: Prisma's statements replayed on bare pg; stmts: statements per request`,
  );
}

export function printBundle(bundle: BundleSize, browser: BrowserLoad | null) {
  const kb = (bytes: number) => `${round(bytes / 1024, 1)} kB`;
  console.log(
    `\n/inbox first-load JS: ${kb(bundle.gzip)} gzipped (${kb(bundle.brotli)} brotli, ${kb(bundle.bytes)} raw) in ${bundle.files.length} files`,
  );
  for (const file of [...bundle.files].sort((a, b) => b.gzip - a.gzip)) console.log(`  ${kb(file.gzip).padStart(9)}  ${file.file}`);
  if (browser) {
    console.log(
      `Chromium loading /inbox: ${browser.scripts} scripts, ${kb(browser.encodedBytes)} over the wire (${browser.encodings.join(", ")}),` +
        ` ${kb(browser.decodedBytes)} decoded, network idle after ${ms(browser.loadMs)}`,
    );
  }
}

export function printExplain(name: string, plans: { query: string; ms: number; plan: string }[]) {
  console.log(`\nEXPLAIN ANALYZE, slowest case (${name}): ${plans.length} statements, slowest first`);
  for (const plan of plans.slice(0, 2)) {
    console.log(`\n-- ${plan.ms} ms: ${plan.query.replace(/\s+/g, " ").slice(0, 300)}${plan.query.length > 300 ? " …" : ""}`);
    console.log(plan.plan);
  }
}
