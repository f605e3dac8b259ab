import type { EventFormats } from "@/lib/i18n/event-formats";
import type { Translate } from "@/lib/i18n/phrase";
import type { NotificationDto } from "@/lib/conversations/types";
import { alertText } from "@/lib/whatsapp/account-alerts";

/** A notification in the reader's language, from its kind and values (one kept as written shows as it is). */
export function notificationText(notification: Pick<NotificationDto, "kind" | "params">, t: Translate, formats: EventFormats): string {
  const p = notification.params;
  if (p.text !== undefined && notification.kind !== "channel") return p.text;
  switch (notification.kind) {
    case "assigned":
      return p.actor ? t("notifications.assigned", { actor: p.actor, customer: p.customer ?? "" }) : t("notifications.autoAssigned");
    case "mention":
      return t("notifications.mention", { actor: p.actor ?? "", customer: p.customer ?? "", excerpt: p.excerpt ?? "" });
    case "channel":
      return t("notifications.channel", { channel: p.channel ?? "", alert: p.alert ? alertText(p.alert, t, formats) : (p.text ?? "") });
    default:
      return p.text ?? "";
  }
}
