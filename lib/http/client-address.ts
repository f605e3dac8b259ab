import { config } from "@/lib/config";
import { header, type HeaderSource } from "./header";

// server.ts stamps every request with the peer's address (x-switchboard-client-address), replacing
// anything a client sent under that name. Behind a trusted reverse proxy (TRUST_PROXY=true) the
// first X-Forwarded-For hop is the client instead.

export const CLIENT_ADDRESS_HEADER = "x-switchboard-client-address";

export function clientAddress(headers: HeaderSource): string {
  if (config().trustProxy) {
    const forwarded = header(headers, "x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) return forwarded;
  }
  return header(headers, CLIENT_ADDRESS_HEADER) ?? "unknown";
}
