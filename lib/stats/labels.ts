import "server-only";
import { db } from "@/lib/db/client";
import type { Dimension } from "./contract";
import { ambientLocale } from "@/lib/i18n/preferences";
import { translator } from "@/lib/i18n/translator";
import { countryOfCode } from "./countries";

/**
 * Readable names for a dimension's keys: inbox, agent, team and label names; template "name
 * (language)"; country ISO codes; kinds, categories and pricing and the groups without a value in
 * the reader's language (the "stats" messages).
 */
export async function labelKeys(dimension: Dimension, keys: string[]): Promise<Map<string, string>> {
  const t = translator(await ambientLocale());
  const ids = keys.filter(Boolean);
  const names = new Map<string, string>();
  if (dimension === "inbox")
    for (const row of await db.channel.findMany({
      where: { id: { in: ids } },
      select: { id: true, displayPhoneNumber: true, pageName: true, inbox: { select: { name: true } } },
    }))
      names.set(row.id, row.inbox?.name ?? row.pageName ?? `+${row.displayPhoneNumber}`);
  if (dimension === "agent")
    for (const row of await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })) names.set(row.id, row.name);
  if (dimension === "team")
    for (const row of await db.team.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })) names.set(row.id, row.name);
  if (dimension === "label")
    for (const row of await db.label.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }))
      names.set(row.id, row.name);
  for (const key of keys) {
    if (!key) names.set(key, t("stats.none", { dimension }));
    else if (names.has(key)) continue;
    else if (dimension === "template") {
      const [name, language] = key.split(":");
      names.set(key, language ? `${name} (${language})` : name!);
    } else if (dimension === "channelType") names.set(key, key === "messenger" ? "Messenger" : "WhatsApp");
    else if (dimension === "country") names.set(key, countryOfCode(key) ?? `+${key}`);
    else if (dimension === "pricing")
      names.set(key, key === "billable" ? t("stats.billable") : t("stats.free", { type: key.replace(/^free:/, "") }));
    else if (dimension === "kind") names.set(key, t("stats.kind", { kind: key }));
    else if (dimension === "category") names.set(key, t("stats.category", { category: key }));
    else names.set(key, key);
  }
  return names;
}
