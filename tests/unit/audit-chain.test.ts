import { createHash, createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  chainHash,
  finishChain,
  GENESIS,
  KEYED,
  KEYED_V2,
  LEGACY,
  startChain,
  stepChain,
  type ChainEvent,
  type HashAlgorithm,
} from "@/lib/audit/chain";
import { appRolePassword, appRoleUrl, scramVerifier } from "@/lib/db/app-role";

// The audit chain's rules, table-style: which rewrites are caught, and as what.

const KEY = "unit-test-audit-key-0123456789abcdef";

type Spec = { algorithm?: string; reason?: string; before?: unknown; ip?: string | null; targetLabel?: string | null };

/** A correctly chained trail: one event per spec, hashed as its algorithm says (keyed by default). */
function trail(specs: Spec[], key = KEY): ChainEvent[] {
  const events: ChainEvent[] = [];
  let prevHash = GENESIS;
  specs.forEach((spec, index) => {
    const content = {
      actorId: "user-1",
      actorLabel: "admin@example.com",
      action: "label.created",
      targetType: "label",
      targetId: `label-${index}`,
      reason: spec.reason ?? null,
      before: spec.before ?? null,
      after: { name: `label ${index}`, color: "slate" },
      createdAt: new Date(Date.UTC(2026, 11, 1, 12, 0, index)),
      ip: spec.ip ?? null,
      targetLabel: spec.targetLabel ?? null,
    };
    const algorithm = (spec.algorithm ?? KEYED) as HashAlgorithm;
    const hash = chainHash({ algorithm: [LEGACY, KEYED_V2].includes(algorithm) ? algorithm : KEYED, key, prevHash, content });
    events.push({ ...content, id: `event-${index + 1}`, seq: BigInt(index + 1), prevHash, hash, hashAlgorithm: spec.algorithm ?? KEYED });
    prevHash = hash;
  });
  return events;
}

/** Re-hashes the whole trail with plain SHA-256, as someone without the key would. */
function rehashUnkeyed(events: ChainEvent[], label: string): ChainEvent[] {
  let prevHash = GENESIS;
  return events.map((event) => {
    const hash = chainHash({ algorithm: LEGACY, key: "", prevHash, content: event });
    const rewritten = { ...event, prevHash, hash, hashAlgorithm: label };
    prevHash = hash;
    return rewritten;
  });
}

function check(events: ChainEvent[], key = KEY) {
  let state = startChain();
  for (const event of events) {
    const step = stepChain(state, event, key);
    if ("broken" in step) return { seq: Number(step.broken.seq), problem: step.broken.problem };
    state = step.state;
  }
  const end = finishChain(state);
  return end ? { seq: Number(end.seq), problem: end.problem } : null;
}

const keyed = (n: number) => Array.from({ length: n }, () => ({}));
const legacy = (n: number) => Array.from({ length: n }, () => ({ algorithm: LEGACY }));
const withIp = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ algorithm: KEYED_V2, ip: `203.0.113.${i + 1}`, targetLabel: i % 2 ? `Label ${i}` : null }));

describe("audit chain", () => {
  it.each<[string, () => ChainEvent[], { seq: number; problem: string } | null]>([
    ["an empty trail", () => [], null],
    ["a keyed trail", () => trail(keyed(4)), null],
    ["unkeyed events followed by keyed ones", () => trail([...legacy(3), ...keyed(2)]), null],
    ["only unkeyed events", () => trail(legacy(3)), { seq: 3, problem: "unsealed_legacy" }],
    [
      "an unkeyed event after a keyed one",
      () => trail([...legacy(1), ...keyed(2), ...legacy(1), ...keyed(1)]),
      { seq: 4, problem: "algorithm_downgrade" },
    ],
    [
      "a changed reason",
      () => trail(keyed(4)).map((e) => (e.seq === 2n ? { ...e, reason: "edited" } : e)),
      { seq: 2, problem: "hash_mismatch" },
    ],
    [
      "a changed unkeyed event",
      () => trail([...legacy(2), ...keyed(1)]).map((e) => (e.seq === 1n ? { ...e, actorLabel: "someone else" } : e)),
      { seq: 1, problem: "hash_mismatch" },
    ],
    ["a trail keyed with another key", () => trail(keyed(2), "some-other-key"), { seq: 1, problem: "hash_mismatch" }],
    ["a removed event", () => trail(keyed(4)).filter((e) => e.seq !== 2n), { seq: 3, problem: "link_mismatch" }],
    [
      "two events swapped",
      () => {
        const t = trail(keyed(4));
        return [t[0]!, t[2]!, t[1]!, t[3]!];
      },
      { seq: 3, problem: "link_mismatch" },
    ],
    ["keyed events, then events that also cover the address", () => trail([...legacy(1), ...keyed(2), ...withIp(3)]), null],
    [
      "a changed address",
      () => trail([...keyed(1), ...withIp(3)]).map((e) => (e.seq === 3n ? { ...e, ip: "198.51.100.7" } : e)),
      { seq: 3, problem: "hash_mismatch" },
    ],
    [
      "an address removed",
      () => trail(withIp(3)).map((e) => (e.seq === 2n ? { ...e, ip: null } : e)),
      { seq: 2, problem: "hash_mismatch" },
    ],
    [
      "an address added to an event whose hash does not cover one",
      () => trail([...keyed(2), ...withIp(1)]).map((e) => (e.seq === 2n ? { ...e, ip: "198.51.100.7" } : e)),
      { seq: 2, problem: "hash_mismatch" },
    ],
    [
      "a changed target name",
      () => trail(withIp(3)).map((e) => (e.seq === 2n ? { ...e, targetLabel: "Someone else" } : e)),
      { seq: 2, problem: "hash_mismatch" },
    ],
    [
      "a target name added to an event whose hash does not cover one",
      () => trail([...keyed(2), ...withIp(1)]).map((e) => (e.seq === 1n ? { ...e, targetLabel: "Priya" } : e)),
      { seq: 1, problem: "hash_mismatch" },
    ],
    [
      "an address-covering event relabelled as keyed without address",
      () => trail(withIp(3)).map((e) => (e.seq === 2n ? { ...e, hashAlgorithm: KEYED } : e)),
      { seq: 2, problem: "hash_mismatch" },
    ],
    [
      "an unknown algorithm",
      () => trail(keyed(3)).map((e) => (e.seq === 2n ? { ...e, hashAlgorithm: "md5" } : e)),
      { seq: 2, problem: "unknown_algorithm" },
    ],
    [
      "a keyed trail re-hashed without the key, labels kept",
      () => rehashUnkeyed(trail(keyed(3)), KEYED),
      { seq: 1, problem: "hash_mismatch" },
    ],
    [
      "a keyed trail re-hashed without the key, labelled unkeyed",
      () => rehashUnkeyed(trail(keyed(3)), LEGACY),
      { seq: 3, problem: "unsealed_legacy" },
    ],
    [
      "a tail re-hashed without the key and labelled unkeyed",
      () => {
        const t = trail(keyed(4));
        const tail = rehashUnkeyed(t, LEGACY).slice(2);
        // Re-link the rewritten tail onto the intact head, as a careful forger would.
        let prevHash = t[1]!.hash;
        const relinked = tail.map((e) => {
          const hash = chainHash({ algorithm: LEGACY, key: "", prevHash, content: e });
          const out = { ...e, prevHash, hash };
          prevHash = hash;
          return out;
        });
        return [t[0]!, t[1]!, ...relinked];
      },
      { seq: 3, problem: "algorithm_downgrade" },
    ],
  ])("%s", (_name, build, expected) => {
    expect(check(build())).toEqual(expected);
  });

  it("hashes JSON the way jsonb stores it: key order does not matter", () => {
    const [event] = trail([{ before: { b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } } }]);
    const reordered = { ...event!, before: { a: { c: null, d: [1, { x: 1, y: 2 }] }, b: 1 } };
    expect(check([reordered])).toBeNull();
  });

  it("keeps unkeyed hashes as the first events computed them", () => {
    const [event] = trail(legacy(1));
    // sha256(previous hash + the fields as JSON, keys sorted at every depth): what events written
    // before AUDIT_KEY existed carry.
    const json =
      '{"action":"label.created","actorId":"user-1","actorLabel":"admin@example.com","after":{"color":"slate","name":"label 0"},' +
      '"before":null,"createdAt":"2026-12-01T12:00:00.000Z","reason":null,"targetId":"label-0","targetType":"label"}';
    expect(event!.hash).toBe(createHash("sha256").update(GENESIS).update(json).digest("hex"));
  });

  it("adds the address and target name to what the keyed hash covers, and only for hmac-sha256-v2", () => {
    const [covered] = trail([{ algorithm: KEYED_V2, ip: "203.0.113.9", targetLabel: "Priya" }]);
    const [plain] = trail(keyed(1));
    const fields =
      '"action":"label.created","actorId":"user-1","actorLabel":"admin@example.com","after":{"color":"slate","name":"label 0"},' +
      '"before":null,"createdAt":"2026-12-01T12:00:00.000Z"';
    const covers = `{${fields},"ip":"203.0.113.9","reason":null,"targetId":"label-0","targetLabel":"Priya","targetType":"label"}`;
    const plainFields = `{${fields},"reason":null,"targetId":"label-0","targetType":"label"}`;
    expect(covered!.hash).toBe(createHmac("sha256", KEY).update(GENESIS).update(covers).digest("hex"));
    expect(plain!.hash).toBe(createHmac("sha256", KEY).update(GENESIS).update(plainFields).digest("hex"));
  });
});

describe("application database role", () => {
  it("derives a stable password from the audit key, different per key", () => {
    expect(appRolePassword(KEY)).toBe(appRolePassword(KEY));
    expect(appRolePassword(KEY)).toMatch(/^[0-9a-f]{64}$/);
    expect(appRolePassword(`${KEY}x`)).not.toBe(appRolePassword(KEY));
  });

  it("swaps only the user and password in the owner's address", () => {
    const url = new URL(appRoleUrl("postgresql://owner:secret@db.internal:6543/switchboard?sslmode=require", KEY));
    expect(url.username).toBe("switchboard_app");
    expect(url.password).toBe(appRolePassword(KEY));
    expect(url.host).toBe("db.internal:6543");
    expect(url.pathname).toBe("/switchboard");
    expect(url.searchParams.get("sslmode")).toBe("require");
  });

  it("stores the password as a SCRAM-SHA-256 verifier that passes RFC 7677's exchange", () => {
    // RFC 7677 §3: user "user", password "pencil". A server holding only the verifier checks the
    // client's proof and signs its answer with it, exactly as below.
    const verifier = scramVerifier("pencil", Buffer.from("W22ZaJ0SNY7soEsUEjb6gQ==", "base64"), 4096);
    const [, iterations, salt, storedKey, serverKey] = /^SCRAM-SHA-256\$(\d+):([^$]+)\$([^:]+):(.+)$/.exec(verifier) ?? [];
    expect([iterations, salt]).toEqual(["4096", "W22ZaJ0SNY7soEsUEjb6gQ=="]);
    const nonce = "rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";
    const authMessage = `n=user,r=rOprNGfwEbeRWgbNEkqO,r=${nonce},s=${salt},i=4096,c=biws,r=${nonce}`;
    const hmac = (key: Buffer, text: string) => createHmac("sha256", key).update(text).digest();
    const proof = Buffer.from("dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=", "base64");
    const signature = hmac(Buffer.from(storedKey!, "base64"), authMessage);
    const clientKey = Buffer.from(proof.map((byte, i) => byte ^ signature[i]!));
    expect(createHash("sha256").update(clientKey).digest("base64")).toBe(storedKey);
    expect(hmac(Buffer.from(serverKey!, "base64"), authMessage).toString("base64")).toBe("6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=");
  });
});
