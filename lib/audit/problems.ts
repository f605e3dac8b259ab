// What can be wrong with one event of the audit chain. The server stores these codes; the settings
// page words them (the "audit" messages' `problem`). No imports, so the browser can use it.

export const chainProblems = ["link_mismatch", "hash_mismatch", "algorithm_downgrade", "unknown_algorithm", "unsealed_legacy"] as const;
export type ChainProblem = (typeof chainProblems)[number];

export function isChainProblem(value: unknown): value is ChainProblem {
  return typeof value === "string" && (chainProblems as readonly string[]).includes(value);
}
