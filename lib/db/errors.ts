// Errors that mean "the database cannot serve this right now" (unreachable, shutting down or
// starting up, or so busy that no connection or transaction could be had in time), as opposed to a
// bad query. Callers answer 503 so the sender, Meta included, tries again later; background work
// waits and tries again.

// SQLSTATEs: admin shutdown, crash shutdown, cannot connect now (starting up or shutting down), too
// many connections, and the connection exceptions.
const UNAVAILABLE_STATES = /^(57P01|57P02|57P03|53300|08000|08001|08003|08004|08006)$/;

export function isDatabaseDown(error: unknown): boolean {
  const code = String((error as { code?: unknown })?.code ?? "");
  const message = String((error as Error)?.message ?? "");
  // Prisma reports a driver's error under its own code, with the SQLSTATE on the driver error.
  const cause = (error as { meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } })?.meta?.driverAdapterError?.cause;
  return (
    /^(ECONNREFUSED|ECONNRESET|P1001|P1017|P2024|P2028)$/.test(code) ||
    UNAVAILABLE_STATES.test(code) ||
    UNAVAILABLE_STATES.test(String(cause?.originalCode ?? "")) ||
    /ECONNREFUSED|Connection terminated|DatabaseNotReachable|Can't reach database|connection refused|Timed out fetching a new connection|Unable to start a transaction|the database system is (shutting down|starting up|in recovery mode)|terminating connection due to administrator command|not queryable/i.test(
      message,
    )
  );
}
