import { createHash, createHmac } from "node:crypto";
import type { ChainProblem } from "./problems";

// The rules of the audit chain, without I/O. Each event's hash covers the previous event's hash and
// its own fields. Events are keyed ("hmac-sha256" with AUDIT_KEY), so whoever can write to the
// table but does not hold the key cannot re-hash a changed trail. Events written before the key
// existed ("sha256") are accepted only as the start of the chain, and only when a keyed event
// follows them: server start-up appends one (see seal-legacy-chain.ts), so a trail re-hashed
// entirely without the key shows up as unsealed. Events written since the client address and the
// target's name have been recorded ("hmac-sha256-v2") hash them too; older events have neither,
// and one that shows a value its hash does not cover was edited.

export const GENESIS = "0".repeat(64);
/** What every new event is hashed with: keyed, and covering the client address and target's name. */
export const KEYED_V2 = "hmac-sha256-v2";
export const KEYED = "hmac-sha256";
export const LEGACY = "sha256";
export type HashAlgorithm = typeof KEYED_V2 | typeof KEYED | typeof LEGACY;
const algorithms: readonly string[] = [KEYED_V2, KEYED, LEGACY];

/** An event's content as the hash sees it. */
export type AuditContent = {
  actorId: string | null;
  actorLabel: string;
  action: string;
  targetType: string;
  targetId: string;
  reason: string | null;
  before: unknown;
  after: unknown;
  createdAt: Date;
  targetLabel: string | null;
  ip: string | null;
};

export type ChainEvent = AuditContent & { id: string; seq: bigint; prevHash: string; hash: string; hashAlgorithm: string };

export function chainHash({
  algorithm,
  key,
  prevHash,
  content,
}: {
  algorithm: HashAlgorithm;
  key: string;
  prevHash: string;
  content: AuditContent;
}): string {
  const hash = algorithm === LEGACY ? createHash("sha256") : createHmac("sha256", key);
  const fields = hashedFields(content);
  return hash
    .update(prevHash)
    .update(canonicalJson(algorithm === KEYED_V2 ? { ...fields, ip: content.ip, targetLabel: content.targetLabel } : fields))
    .digest("hex");
}

// The fields exactly as the first events hashed them, so those still verify; "hmac-sha256-v2" adds
// ip and targetLabel.
function hashedFields(content: AuditContent) {
  return {
    actorId: content.actorId,
    actorLabel: content.actorLabel,
    action: content.action,
    targetType: content.targetType,
    targetId: content.targetId,
    reason: content.reason,
    before: content.before ?? null,
    after: content.after ?? null,
    createdAt: content.createdAt.toISOString(),
  };
}

/** JSON with keys sorted at every depth (jsonb reorders them), undefined members left out. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    const entries = Object.keys(record)
      .sort()
      .filter((key) => record[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
    return `{${entries.join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

export type ChainState = { prevHash: string; keyed: boolean; events: number; last: { id: string; seq: bigint } | null };
export type ChainBreak = { id: string; seq: bigint; problem: ChainProblem };

export const startChain = (): ChainState => ({ prevHash: GENESIS, keyed: false, events: 0, last: null });

/** Checks the next event against the chain so far: the state after it, or what is wrong with it. */
export function stepChain(state: ChainState, event: ChainEvent, key: string): { state: ChainState } | { broken: ChainBreak } {
  const broken = (problem: ChainProblem) => ({ broken: { id: event.id, seq: event.seq, problem } });
  if (event.prevHash !== state.prevHash) return broken("link_mismatch");
  if (!isAlgorithm(event.hashAlgorithm)) return broken("unknown_algorithm");
  if (event.hashAlgorithm === LEGACY && state.keyed) return broken("algorithm_downgrade");
  // An address or target name on an event whose hash does not cover them was written afterwards.
  if (event.hashAlgorithm !== KEYED_V2 && (event.ip !== null || event.targetLabel !== null)) return broken("hash_mismatch");
  if (chainHash({ algorithm: event.hashAlgorithm, key, prevHash: event.prevHash, content: event }) !== event.hash)
    return broken("hash_mismatch");
  return {
    state: {
      prevHash: event.hash,
      keyed: state.keyed || event.hashAlgorithm !== LEGACY,
      events: state.events + 1,
      last: { id: event.id, seq: event.seq },
    },
  };
}

function isAlgorithm(value: string): value is HashAlgorithm {
  return algorithms.includes(value);
}

/** After the last event: unkeyed events with no keyed one after them are not trusted. */
export function finishChain(state: ChainState): ChainBreak | null {
  if (!state.last || state.keyed) return null;
  return { ...state.last, problem: "unsealed_legacy" };
}
