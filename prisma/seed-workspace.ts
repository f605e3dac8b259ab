import { Prisma } from "../lib/db/generated/client.ts";
import { db } from "../lib/db/client";

// The demo's workspace furniture: teams, labels, canned replies and a starting rate card.
// Idempotent: existing rows are left as they are (an admin may have edited them).

const teams = [
  { name: "Support", members: ["agent@example.com", "agent2@example.com"] },
  { name: "Sales", members: ["agent2@example.com"] },
];

const labels = [
  { name: "vip", color: "violet" },
  { name: "refund", color: "red" },
  { name: "delivery", color: "sky" },
  { name: "b2b", color: "emerald" },
  { name: "complaint", color: "amber" },
];

const canned = [
  { shortcut: "hello", title: "Greeting", body: "Hi! Thanks for reaching out to Northwind Furniture. How can I help you today?" },
  {
    shortcut: "shipping",
    title: "Shipping times",
    body: "We ship within 2 working days; delivery takes 3–5 working days in the EU and 5–8 elsewhere.",
  },
  {
    shortcut: "refund",
    title: "Refund policy",
    body: "You can return any item within 30 days for a full refund. I'll send you a prepaid return label.",
  },
  { shortcut: "thanks", title: "Closing", body: "Thanks for your patience! Is there anything else I can help you with?" },
];

// A starting point in USD per delivered template; admins replace it with Meta's current rate card
// (Settings → Rate card), since Meta's webhooks carry no prices.
const rates: [category: string, code: string, price: number][] = [
  ["MARKETING", "49", 0.1365],
  ["MARKETING", "44", 0.0529],
  ["MARKETING", "33", 0.1432],
  ["MARKETING", "55", 0.0625],
  ["MARKETING", "1", 0.025],
  ["MARKETING", "91", 0.0107],
  ["MARKETING", "*", 0.0604],
  ["UTILITY", "49", 0.0768],
  ["UTILITY", "44", 0.022],
  ["UTILITY", "33", 0.03],
  ["UTILITY", "55", 0.0068],
  ["UTILITY", "1", 0.004],
  ["UTILITY", "91", 0.0014],
  ["UTILITY", "*", 0.0077],
  ["AUTHENTICATION", "49", 0.0768],
  ["AUTHENTICATION", "44", 0.0358],
  ["AUTHENTICATION", "33", 0.0691],
  ["AUTHENTICATION", "55", 0.0315],
  ["AUTHENTICATION", "1", 0.0135],
  ["AUTHENTICATION", "91", 0.0014],
  ["AUTHENTICATION", "*", 0.0077],
];

export async function seedWorkspace(): Promise<void> {
  const channel = await db.channel.findFirst({ orderBy: { createdAt: "asc" } });
  if (channel) {
    await db.flow.upsert({
      where: { channelId_metaId: { channelId: channel.id, metaId: "1187654321098765" } },
      update: {},
      create: { channelId: channel.id, metaId: "1187654321098765", name: "Book a delivery slot", cta: "Book a slot", screen: "BOOKING" },
    });
  }
  for (const team of teams) {
    const row = await db.team.upsert({ where: { name: team.name }, update: {}, create: { name: team.name } });
    for (const email of team.members) {
      const user = await db.user.findUnique({ where: { email } });
      if (user)
        await db.teamMember.upsert({
          where: { teamId_userId: { teamId: row.id, userId: user.id } },
          update: {},
          create: { teamId: row.id, userId: user.id },
        });
    }
  }
  for (const label of labels) await db.label.upsert({ where: { name: label.name }, update: {}, create: label });
  for (const reply of canned) await db.cannedResponse.upsert({ where: { shortcut: reply.shortcut }, update: {}, create: reply });
  if ((await db.rateCard.count()) === 0) {
    await db.rateCard.createMany({
      data: rates.map(([category, countryCode, price]) => ({ category, countryCode, price: new Prisma.Decimal(price), currency: "USD" })),
    });
  }
}
