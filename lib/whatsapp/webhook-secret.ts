import "server-only";
import { webhookKeysFor, type WebhookKey } from "@/lib/channels/credentials";
import { config } from "@/lib/config";

// Each WhatsApp number may belong to a different Meta app, and Meta signs a webhook with the app
// secret of the app it comes from. So the body says which secret to check: the numbers it names
// (entry[].changes[].value.metadata.phone_number_id), each with its channel's app secret; a body
// naming no number known here is checked against the configured app secret.

// A body from Meta concerns the numbers of one business account: a handful at most. One naming
// more is refused before any lookup, so an unsigned body cannot make the server look up thousands.
const MAX_NAMED_NUMBERS = 50;

/**
 * The one app secret the body must be signed with, and the channel of the first number it names;
 * null when its numbers' secrets differ or it names too many.
 */
export async function webhookKeyFor(body: unknown): Promise<WebhookKey | null> {
  const numbers = namedNumbers(body);
  if (numbers === null) return null;
  if (numbers.length === 0) return { appSecret: config().whatsapp.appSecret, channelId: null };
  const keys = await webhookKeysFor(numbers);
  return new Set(keys.map((key) => key.appSecret)).size === 1 ? keys[0]! : null;
}

/** The distinct phone number ids the body names; null when there are too many to be Meta's. */
function namedNumbers(body: unknown): string[] | null {
  const numbers = new Set<string>();
  const entries = (body as { entry?: unknown } | null)?.entry;
  if (!Array.isArray(entries)) return [];
  for (const entry of entries) {
    const changes = (entry as { changes?: unknown } | null)?.changes;
    if (!Array.isArray(changes)) continue;
    for (const change of changes) {
      const id = (change as { value?: { metadata?: { phone_number_id?: unknown } } } | null)?.value?.metadata?.phone_number_id;
      if (typeof id === "string") numbers.add(id);
      if (numbers.size > MAX_NAMED_NUMBERS) return null;
    }
  }
  return [...numbers];
}
