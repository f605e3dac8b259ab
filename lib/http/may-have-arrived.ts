// Whether a request that failed can still have been carried out by the other side: the test the
// Graph clients use to tell a refusal from an unknown outcome (docs/architecture.md, "Sending").

// Failures while connecting, before any byte of the request was written: the request never left.
const notSentCodes = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
  "CERT_HAS_EXPIRED",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "ERR_TLS_CERT_ALTNAME_INVALID",
]);

/** Whether a fetch that threw can have delivered its request (anything but a failure to connect). */
export function mayHaveArrived(error: unknown): boolean {
  const cause = (error as { cause?: { code?: unknown; errors?: { code?: unknown }[] } } | null)?.cause;
  if (!cause) return true;
  if (typeof cause.code === "string" && notSentCodes.has(cause.code)) return false;
  // Several addresses tried in turn (happy eyeballs): none connected.
  if (cause.errors?.length && cause.errors.every((inner) => typeof inner.code === "string" && notSentCodes.has(inner.code))) return false;
  return true;
}
