import "server-only";
import pg from "pg";
import { RateLimiterPostgres, type RateLimiterRes } from "rate-limiter-flexible";
import { config } from "@/lib/config";

// Sign-in throttling, counted in PostgreSQL (the rate_limit table) so it holds across instances.
// Only failures count. Five for one account within 15 minutes lock that account's sign-in until the
// window passes; a larger budget per client address stops a spray of guesses across many accounts.

export const ACCOUNT_FAILURES = 5;
export const ADDRESS_FAILURES = 30;
const WINDOW_SECONDS = 15 * 60;

type Limiters = { pool: pg.Pool; account: RateLimiterPostgres; address: RateLimiterPostgres };
const holder = globalThis as unknown as { switchboardSignInLimits?: Limiters };

function limiters(): Limiters {
  if (holder.switchboardSignInLimits) return holder.switchboardSignInLimits;
  const url = config().database.url;
  if (!url) throw new Error("No database address yet: start Switchboard through server.ts");
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  // The table comes from the migrations (model RateLimit), so the limiter never creates it.
  const common = {
    storeClient: pool,
    storeType: "pool",
    tableName: "rate_limit",
    tableCreated: true,
    clearExpiredByTimeout: false,
    duration: WINDOW_SECONDS,
  };
  holder.switchboardSignInLimits = {
    pool,
    account: new RateLimiterPostgres({ ...common, keyPrefix: "sign-in:account", points: ACCOUNT_FAILURES }),
    address: new RateLimiterPostgres({ ...common, keyPrefix: "sign-in:address", points: ADDRESS_FAILURES }),
  };
  return holder.switchboardSignInLimits;
}

/** Seconds until this account or address may try again, or null when it may try now. */
export async function signInRetryAfter({ email, address }: { email: string; address: string }): Promise<number | null> {
  const { account, address: byAddress } = limiters();
  const [forAccount, forAddress] = await Promise.all([account.get(email), byAddress.get(address)]);
  const waits = [exhausted(forAccount, ACCOUNT_FAILURES), exhausted(forAddress, ADDRESS_FAILURES)].filter(
    (wait): wait is number => wait !== null,
  );
  return waits.length ? Math.max(...waits) : null;
}

function exhausted(state: RateLimiterRes | null, limit: number): number | null {
  if (!state || state.consumedPoints < limit) return null;
  return Math.max(1, Math.ceil(state.msBeforeNext / 1000));
}

/** Counts a failed attempt; says whether it just locked the account. */
export async function recordSignInFailure({ email, address }: { email: string; address: string }): Promise<{ lockedOut: boolean }> {
  const { account, address: byAddress } = limiters();
  const [forAccount] = await Promise.all([penalty(account, email), penalty(byAddress, address)]);
  return { lockedOut: forAccount.consumedPoints === ACCOUNT_FAILURES };
}

// consume() rejects once the points run out; the count still went up, which is all we need.
async function penalty(limiter: RateLimiterPostgres, key: string): Promise<RateLimiterRes> {
  return limiter.consume(key).catch((result: unknown) => {
    if (result instanceof Error) throw result;
    return result as RateLimiterRes;
  });
}

/** A successful sign-in clears the account's failures (not the address's). */
export async function clearSignInFailures({ email }: { email: string }): Promise<void> {
  await limiters().account.delete(email);
}
