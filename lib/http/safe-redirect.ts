// Where Switchboard may send a browser after sign-in or sign-out: its own pages only. A callbackUrl
// is attacker-controlled (anyone can mail a /login?callbackUrl=… link), and browsers read
// "//evil.example", "/\evil.example" and "/\t/evil.example" as addresses on another host.

const PROBE_ORIGIN = "http://switchboard.invalid";
export const DEFAULT_AFTER_SIGN_IN = "/inbox";

/** `value` if it is a path on this site ("/inbox?status=open"), otherwise `fallback`. */
export function safeRedirectPath(value: unknown, fallback = DEFAULT_AFTER_SIGN_IN): string {
  if (typeof value !== "string" || !isLocalPath(value)) return fallback;
  // Also what the path says once decoded, in case some later step decodes it ("/%2F%2Fevil…").
  let decoded: string;
  try {
    decoded = decodeURIComponent(value.split(/[?#]/)[0]!);
  } catch {
    return fallback;
  }
  return isLocalPath(decoded) ? value : fallback;
}

/**
 * next-auth's redirect callback: `url` as an absolute address on `baseUrl`'s origin, whether it
 * came as a path or as a full URL on that origin; anything else becomes the inbox there.
 */
export function sameOriginRedirect({ url, baseUrl }: { url: string; baseUrl: string }): string {
  const origin = new URL(baseUrl).origin;
  let path = url;
  if (!url.startsWith("/")) {
    const target = URL.canParse(url) ? new URL(url) : null;
    path = target?.origin === origin ? `${target.pathname}${target.search}${target.hash}` : "";
  }
  return `${origin}${safeRedirectPath(path)}`;
}

function isLocalPath(value: string): boolean {
  if (!value.startsWith("/") || value.startsWith("//")) return false;
  // Backslashes count as slashes in browsers' URL parsing; tabs and newlines are silently dropped,
  // so "/\t/evil.example" would become "//evil.example".
  if (/[\\\u0000-\u001f\u007f]/.test(value)) return false;
  // "/..//evil.example" normalises to "//evil.example": harmless here, but not if a later step
  // hands the normalised form to a browser.
  const url = new URL(value, PROBE_ORIGIN);
  return url.origin === PROBE_ORIGIN && !url.pathname.startsWith("//");
}
