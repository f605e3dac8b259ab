import { config } from "@/lib/config";
import { header, type HeaderSource } from "./header";

// Whether a request's Origin is Switchboard itself: the public address (NEXTAUTH_URL), or the host
// the request was sent to (so http://127.0.0.1:3000 works as well as http://localhost:3000 in
// development). A request without an Origin header is not from a cross-site page: browsers send
// Origin on every cross-origin request and WebSocket, so its absence means same-origin or no
// browser at all (Meta, scripts, tests).

export function isSameOrigin(headers: HeaderSource): boolean {
  const origin = header(headers, "origin");
  if (!origin) return true;
  if (origin === "null") return false;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return false;
  }
  if (origin === new URL(config().publicUrl).origin) return true;
  const host = (config().trustProxy && header(headers, "x-forwarded-host")) || header(headers, "host");
  return !!host && host.split(",")[0]!.trim() === originHost;
}
