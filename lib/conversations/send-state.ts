import type { SendFailure } from "./channel-input";
import type { MessageStatus } from "./status";

// The send's state machine (docs/architecture.md, "Sending"). Pure: deliver-message.ts,
// reconcile-send.ts, requeue-message.ts, discard-message.ts and sweep-sends.ts apply it.
//
//   QUEUED ──claim──▶ SENDING ──answer──▶ SENT ▶ DELIVERED ▶ READ ▶ PLAYED
//     ▲                 │ refused (retryable, tries left) → QUEUED
//     │                 │ refused (for good, or the last try) → FAILED
//     │                 │ no answer (timeout, dropped) → stays SENDING until a receipt or the grace
//     │                 ▼
//     ├──── resend ─ UNCONFIRMED ─ discard ─▶ DISCARDED
//     └──── retry ── FAILED
//
// A receipt that names the message (its external id or our id echoed back) moves any state before
// SENT on: it proves the channel has the message.

/** Only a QUEUED message is claimed; a job that finds it in any other state does nothing. */
export function mayClaim(status: MessageStatus): boolean {
  return status === "QUEUED";
}

export type AfterFailure =
  | { next: "QUEUED"; retry: true }
  | { next: "FAILED"; deadLetter: boolean }
  // The outcome is unknown: sending again could deliver it twice, so wait for a receipt.
  | { next: "SENDING"; reason: string };

/** Where a claimed message goes when its send returned no external id. */
export function afterFailure(failure: SendFailure, { lastAttempt }: { lastAttempt: boolean }): AfterFailure {
  if (failure.outcome === "unknown") return { next: "SENDING", reason: failure.reason };
  if (!failure.retryable) return { next: "FAILED", deadLetter: false };
  return lastAttempt ? { next: "FAILED", deadLetter: true } : { next: "QUEUED", retry: true };
}

/** States a receipt naming the message by our own id may reconcile: it never got its external id. */
export const reconcilable = ["QUEUED", "SENDING", "UNCONFIRMED", "DISCARDED"] as const satisfies readonly MessageStatus[];

/** What an agent may do with an outbound message that did not go out as planned. */
export function sendActions(status: MessageStatus): { resend: boolean; discard: boolean } {
  return { resend: status === "FAILED" || status === "UNCONFIRMED", discard: status === "UNCONFIRMED" };
}

export type SweepDecision = "requeue" | "unconfirm" | "wait";

/**
 * The sweeper's decision for a message with a pending send: a QUEUED one without a live job (lost
 * in a crash) is queued again, unless a dead letter holds it for an admin; a SENDING one whose
 * answer never came becomes UNCONFIRMED once the grace has passed.
 */
export function sweepDecision({
  status,
  pendingSince,
  now,
  graceMs,
  queuedAgeMs,
  liveJob,
  openDeadLetter,
}: {
  status: MessageStatus;
  pendingSince: Date | null;
  now: Date;
  graceMs: number;
  queuedAgeMs: number;
  liveJob: boolean;
  openDeadLetter: boolean;
}): SweepDecision {
  if (!pendingSince) return "wait";
  const age = now.getTime() - pendingSince.getTime();
  if (status === "QUEUED") return age >= queuedAgeMs && !liveJob && !openDeadLetter ? "requeue" : "wait";
  if (status === "SENDING") return age >= graceMs ? "unconfirm" : "wait";
  return "wait";
}
