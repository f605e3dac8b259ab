import "server-only";
import { db } from "@/lib/db/client";
import { callingCodeOf, countryOfCode } from "@/lib/stats/countries";
import { graphError, ok, type GraphReply } from "./graph-reply";
import { findSimulatorTemplate } from "./templates";

// GET /{waba-id}?fields=pricing_analytics.start(…).end(…).granularity(DAILY)…: the simulator's
// account figures, from its own record of what it delivered. It charges every template it
// delivered by the template's category at the prices below (Meta's published rates, rounded, for a
// few markets) and does not know the free windows, so it can differ from the inbox's estimate —
// which is what the cost tab shows.

const prices: Record<string, Record<string, number>> = {
  MARKETING: { IN: 0.0107, US: 0.025, GB: 0.0529, DE: 0.1365, BR: 0.0625, "*": 0.0604 },
  UTILITY: { IN: 0.0014, US: 0.004, GB: 0.022, DE: 0.0456, BR: 0.008, "*": 0.0113 },
  AUTHENTICATION: { IN: 0.0014, US: 0.0135, GB: 0.0358, DE: 0.0768, BR: 0.0315, "*": 0.0377 },
};

export async function pricingAnalytics({ wabaId, fields }: { wabaId: string; fields: string }): Promise<GraphReply> {
  const start = Number(/\.start\((\d+)\)/.exec(fields)?.[1]);
  const end = Number(/\.end\((\d+)\)/.exec(fields)?.[1]);
  if (!Number.isFinite(start) || !Number.isFinite(end) || end <= start) return graphError(400, 100, "(#100) start and end are required");
  const channels = await db.channel.findMany({ where: { wabaId }, select: { phoneNumberId: true } });
  if (channels.length === 0)
    return graphError(400, 100, `Unsupported get request. Object with ID '${wabaId}' does not exist.`, "GraphMethodException");
  const sent = await db.simulatorMessage.findMany({
    where: {
      phoneNumberId: { in: channels.flatMap((channel) => (channel.phoneNumberId ? [channel.phoneNumberId] : [])) },
      direction: "OUTBOUND",
      type: "template",
      status: { in: ["delivered", "read"] },
      createdAt: { gte: new Date(start * 1000), lt: new Date(end * 1000) },
    },
    select: { customerWaId: true, payload: true, createdAt: true },
  });
  const points = new Map<string, { start: number; end: number; country: string; pricing_category: string; volume: number; cost: number }>();
  for (const message of sent) {
    const template = (message.payload as { template?: { name?: string; language?: { code?: string } } } | null)?.template;
    const category = findSimulatorTemplate({ name: template?.name ?? "", language: template?.language?.code ?? "" })?.category;
    if (!category) continue;
    const code = callingCodeOf(message.customerWaId);
    const country = (code && countryOfCode(code)) || "OTHER";
    const day = Math.floor(message.createdAt.getTime() / 86_400_000) * 86_400;
    const id = `${day}|${country}|${category}`;
    const point = points.get(id) ?? { start: day, end: day + 86_400, country, pricing_category: category, volume: 0, cost: 0 };
    point.volume += 1;
    point.cost = Math.round((point.cost + (prices[category]?.[country] ?? prices[category]?.["*"] ?? 0)) * 10_000) / 10_000;
    points.set(id, point);
  }
  return ok({ pricing_analytics: { data: [{ data_points: [...points.values()] }] }, id: wabaId });
}
