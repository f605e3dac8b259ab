import "server-only";
import { credentialsFor } from "@/lib/channels/credentials";
import { config } from "@/lib/config";

// Each WhatsApp number may belong to a different Meta app, and Meta signs a webhook with the app
// secret of the app it comes from. So the body says which secret to check: the numbers it names
// (entry[].changes[].value.metadata.phone_number_id), each with its channel's app secret; a body
// naming no number known here is checked against the configured app secret.

/** The one app secret the body must be signed with, or null when its numbers' secrets differ. */
export async function appSecretFor(body: unknown): Promise<string | null> {
  const numbers = namedNumbers(body);
  if (numbers.length === 0) return config().whatsapp.appSecret;
  const secrets = new Set(await Promise.all(numbers.map(async (phoneNumberId) => (await credentialsFor(phoneNumberId)).appSecret)));
  return secrets.size === 1 ? [...secrets][0]! : null;
}

function namedNumbers(body: unknown): string[] {
  const numbers = new Set<string>();
  const entries = (body as { entry?: unknown } | null)?.entry;
  if (!Array.isArray(entries)) return [];
  for (const entry of entries.slice(0, 1000)) {
    const changes = (entry as { changes?: unknown } | null)?.changes;
    if (!Array.isArray(changes)) continue;
    for (const change of changes.slice(0, 1000)) {
      const id = (change as { value?: { metadata?: { phone_number_id?: unknown } } } | null)?.value?.metadata?.phone_number_id;
      if (typeof id === "string" && id.length <= 64) numbers.add(id);
    }
  }
  return [...numbers];
}
