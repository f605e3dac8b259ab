import "server-only";
import { pageAppSecretsFor } from "@/lib/channels/page-credentials";
import { config } from "@/lib/config";

// Each Page may belong to a different Meta app, and Meta signs a Page webhook with the app secret
// of the app it comes from — never with a WhatsApp number's. So the body says which secret to check:
// the Pages it names (entry[].id), each with its channel's app secret. A body naming Pages of
// different apps, too many Pages, or a Page with no secret here is refused.

// A body from Meta concerns one Page, or a few of one app; more is refused before any lookup.
const MAX_NAMED_PAGES = 50;

/** The one app secret the body must be signed with, or null when there is none to check it against. */
export async function pageAppSecretFor(body: unknown): Promise<string | null> {
  const pages = namedPages(body);
  if (pages === null) return null;
  // A body naming no Page (not even valid JSON) is checked against the configured Page's secret,
  // so a signed but malformed body is told apart (400) from an unsigned one (401).
  if (pages.length === 0) return config().messenger?.appSecret ?? null;
  const secrets = new Set(await pageAppSecretsFor(pages));
  if (secrets.size !== 1) return null;
  return [...secrets][0] ?? null;
}

function namedPages(body: unknown): string[] | null {
  const pages = new Set<string>();
  const entries = (body as { entry?: unknown } | null)?.entry;
  if (!Array.isArray(entries)) return [];
  for (const entry of entries) {
    const id = (entry as { id?: unknown } | null)?.id;
    if (typeof id === "string" || typeof id === "number") pages.add(String(id));
    if (pages.size > MAX_NAMED_PAGES) return null;
  }
  return [...pages];
}
