import { AsyncLocalStorage } from "node:async_hooks";

// The client address of the request being handled, so every audit event a request causes records
// where it came from without each domain function taking it as an argument. route() (lib/http)
// runs each handler inside one; jobs and start-up run outside, and their events have no address.
// Kept on globalThis: Next bundles route handlers apart from server.ts, and both must share it.

const holder = globalThis as typeof globalThis & { __switchboardRequestAddress?: AsyncLocalStorage<string | null> };
const storage = (holder.__switchboardRequestAddress ??= new AsyncLocalStorage<string | null>());

export function withRequestAddress<T>(address: string | null, work: () => T): T {
  return storage.run(address, work);
}

/** The address of the request this code runs for, or null outside a request. */
export function requestAddress(): string | null {
  return storage.getStore() ?? null;
}
