// What can be wrong with one event of the audit chain, in words an admin can act on. No imports,
// so the settings page (a client component) can show the same sentences the server stores codes for.

export const chainProblems = ["link_mismatch", "hash_mismatch", "algorithm_downgrade", "unknown_algorithm", "unsealed_legacy"] as const;
export type ChainProblem = (typeof chainProblems)[number];

export const chainProblemText: Record<ChainProblem, string> = {
  link_mismatch: "Link mismatch: it does not point at the event before it, so an event was removed, inserted or reordered here.",
  hash_mismatch: "Hash mismatch: its content no longer matches its hash, so it was changed after it was written.",
  algorithm_downgrade:
    "Algorithm downgrade: it is hashed without the audit key after keyed events, so the trail was re-hashed from here on.",
  unknown_algorithm: "Unknown hash algorithm: Switchboard never writes this value, so the row was edited.",
  unsealed_legacy: "Unsealed trail: no keyed event follows these unkeyed ones, so the whole trail may have been re-hashed without the key.",
};

export function isChainProblem(value: unknown): value is ChainProblem {
  return typeof value === "string" && (chainProblems as readonly string[]).includes(value);
}
