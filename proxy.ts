// Next.js Proxy (runs in the Node.js runtime, in the server's own process, before every page and
// route handler): refuses cross-site and non-JSON state-changing API calls, and gives every
// response its security headers, pages a Content-Security-Policy with a fresh nonce.
import { NextResponse, type NextRequest } from "next/server";
import { config as settings } from "@/lib/config";
import { errorStatus } from "@/lib/errors";
import { apiRefusal, commonHeaders, isApiPath, pageHeaders } from "@/lib/http/edge-policy";
import { isSameOrigin } from "@/lib/http/same-origin";

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const https = settings().auth.secureCookies;

  if (isApiPath(pathname)) {
    const headers = request.headers;
    const refusal = apiRefusal({
      method: request.method,
      pathname,
      contentType: headers.get("content-type"),
      hasBody: Number(headers.get("content-length") ?? 0) > 0 || headers.has("transfer-encoding"),
      sameOrigin: isSameOrigin(headers),
      fetchSite: headers.get("sec-fetch-site"),
    });
    const response = refusal ? NextResponse.json({ error: refusal }, { status: errorStatus[refusal.code] }) : NextResponse.next();
    return withHeaders(response, commonHeaders({ https }));
  }

  // Next reads the nonce from the request's CSP header and puts it on the scripts it renders;
  // x-nonce is for a server component that adds a <Script> of its own.
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const headers = pageHeaders({ nonce, development: !settings().production, https });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", headers["content-security-policy"]!);
  return withHeaders(NextResponse.next({ request: { headers: requestHeaders } }), headers);
}

function withHeaders(response: NextResponse, headers: Record<string, string>): NextResponse {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Everything but Next's hashed build assets, which carry no state and no HTML, and Meta's
  // webhooks: for a request the proxy sees, Next reads the whole body before the route runs, and
  // the webhook route must refuse an oversized body while it streams in (read-limited-body.ts).
  // The proxy has no rule for webhooks anyway (edge-policy.ts exempts them), and next.config.js
  // gives their answers nosniff and the Referrer-Policy.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/webhooks/).*)"],
};
