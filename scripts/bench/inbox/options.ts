import { parseArgs } from "node:util";

// Command-line options of `npm run bench:inbox -- [options]`.

export type Options = {
  requests: number;
  warmup: number;
  concurrency: number;
  maxSeconds: number;
  sqlReps: number;
  only: string[];
  build: boolean;
  sql: boolean;
  browser: boolean;
};

export const usage = `npm run bench:inbox -- [options]

  --requests N      measured requests per case, sequential and again at --concurrency, default 200
  --warmup N        unmeasured requests per case first, default 20
  --concurrency N   clients in the concurrent run, default 4
  --max-seconds N   a case's sequential or concurrent run stops after this long, default 60
  --sql-reps N      repetitions of the in-process and bare-SQL timings per case, default 30
  --only A,B        only the named cases (see the table for names)
  --build           rebuild the production app into .next-bench first (after changing code)
  --no-sql          skip the in-process and bare-SQL timings and EXPLAIN ANALYZE
  --no-browser      skip loading /inbox in Chromium (the bundle size still comes from the build)`;

export function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      requests: { type: "string", default: "200" },
      warmup: { type: "string", default: "20" },
      concurrency: { type: "string", default: "4" },
      "max-seconds": { type: "string", default: "60" },
      "sql-reps": { type: "string", default: "30" },
      only: { type: "string", default: "" },
      build: { type: "boolean", default: false },
      "no-sql": { type: "boolean", default: false },
      "no-browser": { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  const count = (name: keyof typeof values, min: number) => {
    const value = Number(values[name]);
    if (!Number.isInteger(value) || value < min) throw new Error(`--${name} takes a whole number ≥ ${min}\n\n${usage}`);
    return value;
  };
  return {
    requests: count("requests", 1),
    warmup: count("warmup", 0),
    concurrency: count("concurrency", 1),
    maxSeconds: count("max-seconds", 1),
    sqlReps: count("sql-reps", 1),
    only: values.only
      ? values.only
          .split(",")
          .map((name) => name.trim())
          .filter(Boolean)
      : [],
    build: values.build,
    sql: !values["no-sql"],
    browser: !values["no-browser"],
  };
}
