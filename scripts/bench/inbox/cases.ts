import { config } from "../../../lib/config";
import type pg from "pg";
import type { ConversationFilter } from "../../../lib/conversations/conversation-filter";
import { WA_ID_PREFIX } from "../../seed-large/insert-batch";

// What an agent's inbox asks for: the list under each filter, search, one conversation, a thread.

export type Case =
  | { name: string; kind: "list"; filter: ConversationFilter }
  | { name: string; kind: "conversation" | "messages"; ids: string[] }
  | { name: string; kind: "path"; path: string };

/** Words the large seed's texts and names contain: common, rare, and part of a name. */
export const SEARCH = { name: "Kowal", common: "delivery", rare: "tourmaline" };

export type Fixtures = { channelId: string; userId: string; vipLabelId: string; teamId: string; digits: string; sampleIds: string[] };

export const LARGE_SET_SIZE = 100_000;

/** What the cases need from the database; null when the large seed is not there. */
export async function loadFixtures(client: pg.ClientBase, sample: number): Promise<Fixtures | null> {
  const phoneNumberId = config().whatsapp.phoneNumberId;
  const channel = await client.query<{ id: string }>(`SELECT id FROM "Channel" WHERE "phoneNumberId" = $1`, [phoneNumberId]);
  const channelId = channel.rows[0]?.id;
  if (!channelId) return null;
  const large = await client.query<{ count: string }>(
    `SELECT count(*) FROM "Contact" WHERE "channelId" = $1 AND left("waId", ${WA_ID_PREFIX.length}) = $2`,
    [channelId, WA_ID_PREFIX],
  );
  if (Number(large.rows[0]!.count) < LARGE_SET_SIZE) return null;
  const number = await client.query<{ waId: string }>(
    `SELECT "waId" FROM "Contact" WHERE "channelId" = $1 AND left("waId", ${WA_ID_PREFIX.length}) = $2 ORDER BY id LIMIT 1`,
    [channelId, WA_ID_PREFIX],
  );
  const user = await client.query<{ id: string }>(`SELECT id FROM "User" WHERE email = 'agent@example.com'`);
  const label = await client.query<{ id: string }>(`SELECT id FROM "Label" WHERE name = 'vip'`);
  const team = await client.query<{ id: string }>(`SELECT id FROM "Team" WHERE name = 'Sales'`);
  // A fixed sample (the same every run): conversations spread over the whole set.
  const ids = await client.query<{ id: string }>(
    `SELECT id FROM "Conversation" WHERE "inboxId" = (SELECT id FROM "Inbox" WHERE "channelId" = $1) ORDER BY md5(id) LIMIT $2`,
    [channelId, sample],
  );
  return {
    channelId,
    userId: user.rows[0]!.id,
    vipLabelId: label.rows[0]!.id,
    teamId: team.rows[0]!.id,
    // Seven digits from the middle of a number, as an agent types part of one.
    digits: number.rows[0]!.waId.slice(4, 11),
    sampleIds: ids.rows.map((row) => row.id),
  };
}

export function buildCases(fixtures: Fixtures, deepCursor: string): Case[] {
  const list = (name: string, filter: ConversationFilter): Case => ({ name, kind: "list", filter });
  return [
    list("list default", {}),
    list("assignee=me", { assignee: "me" }),
    list("assignee=unassigned", { assignee: "unassigned" }),
    list("status=OPEN", { status: "OPEN" }),
    list("status=RESOLVED", { status: "RESOLVED" }),
    list("label=vip", { label: fixtures.vipLabelId }),
    list("team=Sales", { team: fixtures.teamId }),
    list("window=open", { window: "open" }),
    list("window=closing", { window: "closing" }),
    list("window=closed", { window: "closed" }),
    list("sort=waiting", { sort: "waiting" }),
    list("cursor 5 pages deep", { cursor: deepCursor }),
    list(`q=${SEARCH.name} (name)`, { q: SEARCH.name }),
    list(`q=${SEARCH.common} (common)`, { q: SEARCH.common }),
    list(`q=${SEARCH.rare} (rare)`, { q: SEARCH.rare }),
    list(`q=${fixtures.digits} (number)`, { q: fixtures.digits }),
    { name: "GET conversation", kind: "conversation", ids: fixtures.sampleIds },
    { name: "GET messages", kind: "messages", ids: fixtures.sampleIds },
  ];
}

export function casePath(item: Case, index: number): string {
  if (item.kind === "path") return item.path;
  if (item.kind === "list") {
    const query = new URLSearchParams(Object.entries(item.filter).map(([key, value]) => [key, String(value)])).toString();
    return `/api/conversations${query ? `?${query}` : ""}`;
  }
  const id = item.ids[index % item.ids.length];
  return item.kind === "conversation" ? `/api/conversations/${id}` : `/api/conversations/${id}/messages`;
}
