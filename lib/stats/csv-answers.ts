// The statistics' answers as CSV tables (format=csv): one row per series bucket or group. Pure.

import type { ConversationStats, CostStats, FailureStats, MessageStats } from "./contract";
import { csvTable } from "./csv";

const rate = (value: number | null) => (value === null ? "" : Math.round(value * 10_000) / 10_000);

export function messageStatsCsv(stats: MessageStats): string {
  if (stats.groups.length)
    return csvTable(
      [
        "key",
        "label",
        "sent",
        "delivered",
        "read",
        "failed",
        "replied",
        "delivery_rate",
        "read_rate",
        "failure_rate",
        "read_p50_s",
        "read_p90_s",
        "estimated_cost_usd",
      ],
      stats.groups.map((group) => [
        group.key,
        group.label,
        group.sent,
        group.delivered,
        group.read,
        group.failed,
        group.replied,
        rate(group.rates.delivery),
        rate(group.rates.read),
        rate(group.rates.failure),
        group.timeToRead.p50,
        group.timeToRead.p90,
        group.estimatedCost,
      ]),
    );
  return csvTable(
    ["bucket", "sent", "delivered", "read", "failed"],
    stats.series.map((entry) => [entry.bucket, entry.sent, entry.delivered, entry.read, entry.failed]),
  );
}

export function conversationStatsCsv(stats: ConversationStats): string {
  return csvTable(
    [
      "agent_id",
      "name",
      "opened",
      "resolved",
      "messages_sent",
      "first_response_p50_s",
      "first_response_p90_s",
      "resolution_p50_s",
      "resolution_p90_s",
      "current_load",
    ],
    stats.byAgent.map((agent) => [
      agent.agentId,
      agent.name,
      agent.opened,
      agent.resolved,
      agent.messagesSent,
      agent.firstResponse.p50,
      agent.firstResponse.p90,
      agent.resolution.p50,
      agent.resolution.p90,
      agent.currentLoad,
    ]),
  );
}

export function failureStatsCsv(stats: FailureStats): string {
  return csvTable(
    ["code", "title", "explanation", "action", "count"],
    stats.byCode.map((entry) => [entry.code, entry.title, entry.explanation, entry.action, entry.count]),
  );
}

export function costStatsCsv(stats: CostStats): string {
  return csvTable(
    ["category", "country", "billable", "free", "unit_price_usd", "amount_usd"],
    stats.rows.map((row) => [row.category, row.country, row.billable, row.free, row.unitPrice, row.amount]),
  );
}
