// Two bodies about the same new customer can race to create the contact; the loser's transaction
// hits the unique index and simply runs again, finding the winner's row. `last` tells the work it
// is the final attempt, when a conflict that keeps coming back is better treated as its own item's
// problem than as the whole body's.
export async function withRetryOnConflict<T>(work: (attempt: { last: boolean }) => Promise<T>, attempts = 8): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work({ last: attempt >= attempts });
    } catch (error) {
      if (attempt >= attempts || !isConflict(error)) throw error;
      // A little random wait, growing, so the two sides of a deadlock don't collide again at once.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    }
  }
}

// A unique violation, or a deadlock / serialization failure. Bodies naming several customers and
// messages take row locks in body order, so two concurrent bodies can deadlock; PostgreSQL aborts
// one and it simply runs again. From a raw query (the FOR UPDATE locks) Prisma reports these as
// P2010 with the SQLSTATE on the driver error, not as P2034.
export function isConflict(error: unknown): boolean {
  const { code, meta } = error as { code?: string; meta?: { driverAdapterError?: { cause?: { originalCode?: string } } } };
  if (code === "P2002" || code === "P2034") return true;
  const sqlState = meta?.driverAdapterError?.cause?.originalCode;
  return code === "P2010" && (sqlState === "40P01" || sqlState === "40001");
}
