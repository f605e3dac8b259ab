// How the intake tells this process's webhook processor that lanes have new bodies, without
// importing it: the processor registers itself here when server.ts starts it. Kept on globalThis,
// because Next bundles route handlers apart from server.ts.

const holder = globalThis as unknown as { switchboardWebhookWake?: (lanes: Iterable<number>) => void };

export function onWebhookWake(wake: ((lanes: Iterable<number>) => void) | undefined): void {
  holder.switchboardWebhookWake = wake;
}

/** Lanes with new bodies: processing starts at once in this process (others find them by polling). */
export function wakeWebhookProcessor(lanes: Iterable<number>): void {
  holder.switchboardWebhookWake?.(lanes);
}
