import type { ErrorCode } from "@/lib/errors";

// What proxy.ts decides for every request before it reaches a page or a route handler, as pure
// functions of the request's facts: which state-changing API calls are refused, and which security
// headers each response carries. No I/O here, so the rules are unit-tested as a table.

export type ApiRequestFacts = {
  method: string;
  pathname: string;
  /** The Content-Type header, if any. */
  contentType: string | null;
  /** Whether the request announces a body (Content-Length above 0, or Transfer-Encoding). */
  hasBody: boolean;
  /** isSameOrigin(headers): no Origin, or Switchboard's own. */
  sameOrigin: boolean;
  /** The Sec-Fetch-Site header, if any. */
  fetchSite: string | null;
};

export type Refusal = { code: Extract<ErrorCode, "FORBIDDEN" | "UNSUPPORTED_MEDIA_TYPE">; message: string };

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

// Meta's webhook: a server-to-server POST with no Origin and no cookies, whose authenticity is its
// X-Hub-Signature-256 (checked by the route over the raw bytes), so browser-oriented rules add
// nothing and a change in Meta's Content-Type must not cost us events.
const WEBHOOKS = "/api/webhooks/";
// next-auth's own endpoints: its browser client posts application/x-www-form-urlencoded and every
// form carries next-auth's CSRF token (double-submit cookie), so only the origin rule applies.
const NEXT_AUTH = "/api/auth/";
// The routes that take files, as multipart/form-data: the composer's attachment upload, and the
// simulator's stand-ins for Meta's POST /{phone-number-id}/media and Messenger's POST
// /{page-id}/message_attachments, which Switchboard's own Graph clients call with a multipart body
// as they do Meta's; and the business profile's photo upload.
const MULTIPART_ROUTES = [
  /^\/api\/conversations\/[^/]+\/media$/,
  /^\/api\/simulator\/graph\/.+\/media$/,
  /^\/api\/simulator\/graph\/.+\/message_attachments$/,
  /^\/api\/channels\/[^/]+\/profile\/photo$/,
];
// The simulator's stand-in for Meta's Resumable Upload API (POST /upload:<session>), which takes the
// file's raw bytes, as Meta's does.
const RAW_ROUTES = [/^\/api\/simulator\/graph\/[^/]+\/upload(:|%3A)[^/]+$/i];

export function isApiPath(pathname: string): boolean {
  return pathname === "/api" || pathname.startsWith("/api/");
}

/** Why a state-changing API call is refused (403 cross-site, 415 wrong body type), or null. */
export function apiRefusal(request: ApiRequestFacts): Refusal | null {
  if (!STATE_CHANGING.has(request.method.toUpperCase()) || !isApiPath(request.pathname)) return null;
  if (request.pathname.startsWith(WEBHOOKS)) return null;

  // A browser names the page that sent a request: any site but ours is refused, even with a valid
  // session cookie. Callers without a browser (Meta, scripts, tests) send neither header.
  if (!request.sameOrigin || request.fetchSite?.trim().toLowerCase() === "cross-site") {
    return {
      code: "FORBIDDEN",
      message: "This request came from another website, so Switchboard refused it. Use Switchboard itself to make this change.",
    };
  }
  if (request.pathname.startsWith(NEXT_AUTH)) return null;

  const multipart = MULTIPART_ROUTES.some((route) => route.test(request.pathname));
  if (acceptsBody({ contentType: request.contentType, hasBody: request.hasBody, multipart })) return null;
  if (
    RAW_ROUTES.some((route) => route.test(request.pathname)) &&
    request.contentType?.trim().toLowerCase() === "application/octet-stream"
  ) {
    return null;
  }
  return {
    code: "UNSUPPORTED_MEDIA_TYPE",
    message: multipart
      ? "Send the request body as multipart/form-data (a file upload) or as JSON with Content-Type: application/json."
      : "Send the request body as JSON with Content-Type: application/json.",
  };
}

// JSON only, so a cross-site HTML form (which can only send urlencoded, multipart or text/plain
// bodies) can never reach a handler even if the origin rule were bypassed. A request with neither
// body nor Content-Type passes: bodyless POSTs (read, typing, retry, replay, dismiss, template
// sync) are how the inbox's own buttons call those routes, no body can smuggle anything, and a
// bodyless fetch from another site still carries an Origin, which the rule above refuses.
function acceptsBody({ contentType, hasBody, multipart }: { contentType: string | null; hasBody: boolean; multipart: boolean }): boolean {
  if (!contentType?.trim()) return !hasBody;
  const [type = "", ...parameters] = contentType.split(";").map((part) => part.trim().toLowerCase());
  if (type === "application/json") return parameters.every((parameter) => parameter === "" || parameter.startsWith("charset="));
  return multipart && type === "multipart/form-data";
}

export type PageSecurity = {
  nonce: string;
  /** Development: React's debugging needs eval. */
  development: boolean;
  /** Switchboard's public address (NEXTAUTH_URL) is https. */
  https: boolean;
};

/** The Content-Security-Policy of one page response, allowing only scripts with this nonce. */
export function contentSecurityPolicy({ nonce, development, https }: PageSecurity): string {
  const directives = [
    "default-src 'self'",
    // Next applies the nonce to its own scripts; 'strict-dynamic' lets those load their chunks.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    // React renders style attributes and Next's error pages inline <style>; a nonce in this
    // directive would switch 'unsafe-inline' off, so none is given. Styles cannot run script.
    "style-src 'self' 'unsafe-inline'",
    // https: template and interactive messages may name their header image by a link (the agent's
    // own https URL, as WhatsApp accepts); the inbox and the simulated phone show it as WhatsApp does.
    "img-src 'self' data: blob: https:",
    "media-src 'self' blob:",
    "font-src 'self'",
    // 'self' covers socket.io's WebSocket on the same host and port (ws: and wss: under CSP 3).
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

const HSTS = "max-age=63072000; includeSubDomains";

/** Headers for every response, page or API. HSTS only when browsers reach Switchboard over https. */
export function commonHeaders({ https }: { https: boolean }): Record<string, string> {
  return {
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    ...(https ? { "strict-transport-security": HSTS } : {}),
  };
}

/** Headers for a page response: its CSP, no framing, and no powerful features Switchboard doesn't use. */
export function pageHeaders(security: PageSecurity): Record<string, string> {
  return {
    ...commonHeaders(security),
    "content-security-policy": contentSecurityPolicy(security),
    "x-frame-options": "DENY",
    // Nothing asks for the camera, microphone or location (attachments are picked files; the
    // simulator's "location" is typed in), so the browser may refuse them outright.
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
  };
}
