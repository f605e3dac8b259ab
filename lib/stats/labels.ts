import "server-only";
import { db } from "@/lib/db/client";
import type { Dimension } from "./contract";
import { countryOfCode } from "./countries";

/** Readable names for a dimension's keys: inbox, agent, team and label names; template "name (language)"; country ISO codes. */
export async function labelKeys(dimension: Dimension, keys: string[]): Promise<Map<string, string>> {
  const ids = keys.filter(Boolean);
  const names = new Map<string, string>();
  const none: Record<Dimension, string> = {
    inbox: "No inbox",
    channelType: "Unknown channel",
    agent: "No agent",
    team: "No team",
    template: "Not a template",
    kind: "Unknown",
    category: "Not priced yet",
    pricing: "Not priced yet",
    country: "Unknown country",
    label: "No label",
  };
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
    if (!key) names.set(key, none[dimension]);
    else if (names.has(key)) continue;
    else if (dimension === "template") {
      const [name, language] = key.split(":");
      names.set(key, language ? `${name} (${language})` : name!);
    } else if (dimension === "channelType") names.set(key, key === "messenger" ? "Messenger" : "WhatsApp");
    else if (dimension === "country") names.set(key, countryOfCode(key) ?? `+${key}`);
    else if (dimension === "pricing")
      names.set(key, key === "billable" ? "Billable" : `Free: ${key.replace(/^free:/, "").replaceAll("_", " ")}`);
    else names.set(key, key);
  }
  return names;
}
