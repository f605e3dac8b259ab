// Errors that mean "the database cannot be reached right now", as opposed to a bad query.
export function isDatabaseDown(error: unknown): boolean {
  const code = String((error as { code?: unknown })?.code ?? "");
  const message = String((error as Error)?.message ?? "");
  return /^(ECONNREFUSED|ECONNRESET|57P01|57P03|53300|P1001|P1017)$/.test(code) ||
    /ECONNREFUSED|Connection terminated|DatabaseNotReachable|Can't reach database|connection refused/i.test(message);
}
