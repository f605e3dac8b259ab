import { messengerWebhooks } from "@/lib/messenger/webhook-adapter";
import { whatsappWebhooks } from "@/lib/whatsapp/webhook-adapter";
import type { WebhookAdapter, WebhookSourceName } from "./adapter";

// The channel adapters the intake serves, by the name in their webhook address
// (/api/webhooks/<name>) and their logged bodies' source.
export const webhookAdapters: Partial<Record<WebhookSourceName, WebhookAdapter>> = {
  whatsapp: whatsappWebhooks,
  messenger: messengerWebhooks,
};

const sourceNames: Record<string, WebhookSourceName> = { WHATSAPP: "whatsapp", MESSENGER: "messenger" };

/** The adapter for a logged body's source column. */
export function adapterOfColumn(column: string): WebhookAdapter | undefined {
  const name = sourceNames[column];
  return name ? webhookAdapters[name] : undefined;
}

export function isWebhookSource(name: string): name is WebhookSourceName {
  return Object.hasOwn(webhookAdapters, name);
}
