import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { root } from "./stack";
import { round } from "./stats";

// Reads the server's V8 CPU profile (--cpu-prof) and tells where its main thread spent a time
// window: time by package (node_modules/<pkg>, Next's server bundle, the app, GC), where native
// and Node-internal frames (a socket write, a stream) are charged to the package that called
// them, and the busiest functions by self time. Profile timestamps are CLOCK_MONOTONIC microseconds, the clock of
// process.hrtime, so the window can be given from this process.

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] };
type Profile = { nodes: Node[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] };

export type CpuProfileSummary = {
  file: string;
  sampledMs: number;
  busyPercent: number;
  /** Main-thread time (not idle) per accepted event. */
  busyMsPerEvent: number;
  byPackage: { name: string; ms: number; percent: number }[];
  topFunctions: { name: string; where: string; ms: number; percent: number }[];
};

/** The largest profile in `dir` (the server, not the tsx launcher). */
export function findProfile(dir: string): string | null {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith(".cpuprofile"))
    .map((name) => path.join(dir, name));
  files.sort((a, b) => statSync(b).size - statSync(a).size);
  return files[0] ?? null;
}

export function summarizeCpuProfile(file: string, window: { fromNs: bigint; toNs: bigint }, events: number): CpuProfileSummary {
  const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const charged = new Map<number, string>();
  const chargeOf = (id: number): string => {
    const known = charged.get(id);
    if (known) return known;
    let name: string | null = null;
    for (let at: number | undefined = id; at !== undefined && name === null; at = parent.get(at)) {
      name = packageOf(byId.get(at)!.callFrame);
    }
    const leaf = byId.get(id)!.callFrame.functionName;
    const result = name ?? (leaf.startsWith("(") ? leaf : "node internals (HTTP, streams, timers)");
    charged.set(id, result);
    return result;
  };
  const fromUs = Number(window.fromNs / 1000n);
  const toUs = Number(window.toNs / 1000n);
  const selfUs = new Map<number, number>();
  let at = profile.startTime;
  let total = 0;
  for (let index = 0; index < profile.samples.length; index++) {
    const delta = profile.timeDeltas[index] ?? 0;
    at += delta;
    if (at < fromUs || at > toUs) continue;
    const id = profile.samples[index]!;
    selfUs.set(id, (selfUs.get(id) ?? 0) + delta);
    total += delta;
  }

  const packages = new Map<string, number>();
  const functions = new Map<string, { name: string; where: string; us: number }>();
  let idle = 0;
  for (const [id, us] of selfUs) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    if (functionName === "(idle)") idle += us;
    const name = chargeOf(id);
    packages.set(name, (packages.get(name) ?? 0) + us);
    const key = `${functionName}@${url}:${lineNumber}`;
    const entry = functions.get(key) ?? { name: functionName || "(anonymous)", where: `${shortUrl(url)}:${lineNumber + 1}`, us: 0 };
    entry.us += us;
    functions.set(key, entry);
  }
  const pct = (us: number) => round((us / Math.max(1, total)) * 100, 1);
  return {
    file,
    sampledMs: round(total / 1000, 0),
    busyPercent: pct(total - idle),
    busyMsPerEvent: round((total - idle) / 1000 / Math.max(1, events), 2),
    byPackage: [...packages]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 16)
      .map(([name, us]) => ({ name, ms: round(us / 1000, 0), percent: pct(us) })),
    topFunctions: [...functions.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, 20)
      .map((entry) => ({ name: entry.name, where: entry.where, ms: round(entry.us / 1000, 0), percent: pct(entry.us) })),
  };
}

/** The package a frame belongs to, or null for native and Node-internal frames (charged to their caller). */
function packageOf({ functionName, url }: { functionName: string; url: string }): string | null {
  if (!url)
    return functionName === "(garbage collector)" || functionName === "(idle)" || functionName === "(program)" ? functionName : null;
  if (url === "node:zlib") return "node:zlib (response compression)";
  if (url.startsWith("node:") || !url.includes("/")) return null;
  if (url.startsWith("wasm:")) return "wasm";
  const modules = url.lastIndexOf("node_modules/");
  if (modules >= 0) {
    const [scope = "", name = ""] = url.slice(modules + "node_modules/".length).split("/");
    return scope.startsWith("@") ? `${scope}/${name}` : scope;
  }
  if (url.includes("/.next-bench/"))
    return `next bundle ${url
      .slice(url.indexOf("/.next-bench/") + 13)
      .split("/")
      .slice(0, 2)
      .join("/")}`;
  return `app ${shortUrl(url).split("/").slice(0, 2).join("/")}`;
}

function shortUrl(url: string): string {
  const clean = url.replace(/^file:\/\//, "");
  const modules = clean.lastIndexOf("node_modules/");
  if (modules >= 0) return clean.slice(modules + "node_modules/".length);
  return clean.startsWith(`${root}/`) ? clean.slice(root.length + 1) : clean;
}
