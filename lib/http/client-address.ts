import { config } from "@/lib/config";

// server.ts stamps every request with the peer's address (x-switchboard-client-address), replacing
// anything a client sent under that name. Behind a trusted reverse proxy (TRUST_PROXY=true) the
// first X-Forwarded-For hop is the client instead.

export const CLIENT_ADDRESS_HEADER = "x-switchboard-client-address";

export function clientAddress(headers: Headers | Record<string, string | string[] | undefined>): string {
  const read = (name: string) => {
    const value = headers instanceof Headers ? headers.get(name) : headers[name];
    return (Array.isArray(value) ? value[0] : value) ?? undefined;
  };
  if (config().trustProxy) {
    const forwarded = read("x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) return forwarded;
  }
  return read(CLIENT_ADDRESS_HEADER) ?? "unknown";
}
