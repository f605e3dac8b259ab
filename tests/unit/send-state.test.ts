import { describe, expect, it } from "vitest";
import type { SendFailure } from "@/lib/conversations/channel-input";
import { afterFailure, mayClaim, reconcilable, sendActions, sweepDecision } from "@/lib/conversations/send-state";
import { messageStatuses, nextStatus, type MessageStatus } from "@/lib/conversations/status";
import { mayHaveArrived } from "@/lib/http/may-have-arrived";
import { GraphError } from "@/lib/whatsapp/graph-client";
import { whatsappTransport } from "@/lib/whatsapp/transport";

const refused = (retryable: boolean): SendFailure => ({
  outcome: "refused",
  retryable,
  code: 131000,
  title: "Something went wrong",
  details: null,
});
const reason = "The operation was aborted due to timeout";
const unknown: SendFailure = { outcome: "unknown", reason };

describe("claiming a message for its send", () => {
  it.each(messageStatuses.map((status) => [status, status === "QUEUED"] as const))("%s → claimed: %s", (status, claimed) => {
    expect(mayClaim(status)).toBe(claimed);
  });
});

describe("after a send that returned no external id", () => {
  it.each<[string, SendFailure, boolean, ReturnType<typeof afterFailure>]>([
    ["a passing refusal, tries left", refused(true), false, { next: "QUEUED", retry: true }],
    ["a passing refusal on the last try", refused(true), true, { next: "FAILED", deadLetter: true }],
    ["a refusal for good", refused(false), false, { next: "FAILED", deadLetter: false }],
    ["a refusal for good on the last try", refused(false), true, { next: "FAILED", deadLetter: false }],
    ["an unknown outcome", unknown, false, { next: "SENDING", reason }],
    ["an unknown outcome on the last try", unknown, true, { next: "SENDING", reason }],
  ])("%s", (_name, failure, lastAttempt, expected) => {
    expect(afterFailure(failure, { lastAttempt })).toEqual(expected);
  });
});

describe("receipts", () => {
  it("any receipt moves a message that never got its answer on, and none moves it back", () => {
    for (const status of ["QUEUED", "SENDING", "UNCONFIRMED", "DISCARDED"] as const) {
      expect(nextStatus(status, "SENT")).toBe("SENT");
      expect(nextStatus(status, "DELIVERED")).toBe("DELIVERED");
      expect(nextStatus(status, "READ")).toBe("READ");
      expect(nextStatus(status, "FAILED")).toBe("FAILED");
    }
    for (const status of ["SENT", "DELIVERED", "READ", "PLAYED", "FAILED"] as const) expect(nextStatus(status, "SENT")).toBe(status);
  });

  it("a receipt naming our own id reconciles only messages still without an external id", () => {
    expect([...reconcilable].sort()).toEqual(["DISCARDED", "QUEUED", "SENDING", "UNCONFIRMED"]);
  });
});

describe("what an agent may do", () => {
  it.each<[MessageStatus, { resend: boolean; discard: boolean }]>([
    ["FAILED", { resend: true, discard: false }],
    ["UNCONFIRMED", { resend: true, discard: true }],
    ["SENDING", { resend: false, discard: false }],
    ["QUEUED", { resend: false, discard: false }],
    ["DISCARDED", { resend: false, discard: false }],
    ["SENT", { resend: false, discard: false }],
    ["READ", { resend: false, discard: false }],
  ])("%s", (status, actions) => {
    expect(sendActions(status)).toEqual(actions);
  });
});

describe("the sweeper", () => {
  const now = new Date("2026-12-01T12:00:00Z");
  const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);
  const base = { now, graceMs: 300_000, queuedAgeMs: 30_000, liveJob: false, openDeadLetter: false };
  it.each<[string, Parameters<typeof sweepDecision>[0], ReturnType<typeof sweepDecision>]>([
    ["queued without a job, long enough", { ...base, status: "QUEUED", pendingSince: ago(31) }, "requeue"],
    ["queued without a job, just now", { ...base, status: "QUEUED", pendingSince: ago(5) }, "wait"],
    ["queued with a live job", { ...base, status: "QUEUED", pendingSince: ago(600), liveJob: true }, "wait"],
    ["queued, held by a dead letter", { ...base, status: "QUEUED", pendingSince: ago(600), openDeadLetter: true }, "wait"],
    ["sending past the grace", { ...base, status: "SENDING", pendingSince: ago(301) }, "unconfirm"],
    ["sending within the grace", { ...base, status: "SENDING", pendingSince: ago(120) }, "wait"],
    ["sending past the grace, a job still live", { ...base, status: "SENDING", pendingSince: ago(400), liveJob: true }, "unconfirm"],
    ["settled", { ...base, status: "SENT", pendingSince: null }, "wait"],
    ["not confirmed", { ...base, status: "UNCONFIRMED", pendingSince: ago(900) }, "wait"],
  ])("%s → %s", (_name, input, expected) => {
    expect(sweepDecision(input)).toBe(expected);
  });
});

describe("the WhatsApp transport's reading of a failed send", () => {
  const networkError = (code: string) => Object.assign(new TypeError("fetch failed"), { cause: Object.assign(new Error(code), { code }) });

  it("a connection that never opened did not carry the request; anything later may have", () => {
    expect(mayHaveArrived(networkError("ECONNREFUSED"))).toBe(false);
    expect(mayHaveArrived(networkError("ENOTFOUND"))).toBe(false);
    expect(mayHaveArrived(networkError("UND_ERR_CONNECT_TIMEOUT"))).toBe(false);
    const eyeballs = Object.assign(new TypeError("fetch failed"), {
      cause: Object.assign(new AggregateError([]), { errors: [{ code: "ECONNREFUSED" }, { code: "ENETUNREACH" }] }),
    });
    expect(mayHaveArrived(eyeballs)).toBe(false);
    expect(mayHaveArrived(networkError("UND_ERR_SOCKET"))).toBe(true);
    expect(mayHaveArrived(networkError("ECONNRESET"))).toBe(true);
    expect(mayHaveArrived(new DOMException("The operation was aborted due to timeout", "TimeoutError"))).toBe(true);
  });

  it.each<[string, unknown, SendFailure]>([
    [
      "Meta's transient error",
      new GraphError("An unknown error has occurred.", 500, 2, null, true),
      { outcome: "refused", retryable: true, code: 2, title: "An unknown error has occurred.", details: null },
    ],
    [
      "Meta's refusal",
      new GraphError("(#131047) Re-engagement message", 400, 131047, "More than 24 hours", false),
      { outcome: "refused", retryable: false, code: 131047, title: "(#131047) Re-engagement message", details: "More than 24 hours" },
    ],
    [
      "a timeout",
      new GraphError("Could not reach the Graph API: timeout", 0, null, null, true, null, true),
      { outcome: "unknown", reason: "Could not reach the Graph API: timeout" },
    ],
    [
      "a refused connection",
      new GraphError("Could not reach the Graph API: ECONNREFUSED", 0, null, null, true, null, false),
      { outcome: "refused", retryable: true, code: null, title: "Could not reach the Graph API: ECONNREFUSED", details: null },
    ],
    [
      "an error before any request (no credentials)",
      new Error("No credentials for this number"),
      { outcome: "refused", retryable: true, code: null, title: "No credentials for this number", details: null },
    ],
  ])("%s", (_name, error, expected) => {
    expect(whatsappTransport.sendFailure(error)).toEqual(expected);
  });
});
