// Errors that mean "the database cannot serve this right now" (unreachable, shutting down, or so
// busy that no connection or transaction could be had in time), as opposed to a bad query. Callers
// answer 503 so the sender, Meta included, tries again later.
export function isDatabaseDown(error: unknown): boolean {
  const code = String((error as { code?: unknown })?.code ?? "");
  const message = String((error as Error)?.message ?? "");
  return (
    /^(ECONNREFUSED|ECONNRESET|57P01|57P03|53300|P1001|P1017|P2024|P2028)$/.test(code) ||
    /ECONNREFUSED|Connection terminated|DatabaseNotReachable|Can't reach database|connection refused|Timed out fetching a new connection|Unable to start a transaction/i.test(
      message,
    )
  );
}
