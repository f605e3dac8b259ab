import { hashPassword } from "../lib/auth/password";
import { db, type Role } from "../lib/db/client";
import { seedMessenger } from "./seed-messenger";
import { seedWorkspace } from "./seed-workspace";
import { config } from "../lib/config";

// The demo: four users (password "switchboard"), one WhatsApp channel, one Facebook Page
// (seed-messenger.ts) and a few conversations so a first look shows a living inbox. Idempotent:
// running it again changes nothing.

const DEMO_PASSWORD = "switchboard";

const users: { email: string; name: string; role: Role }[] = [
  { email: "admin@example.com", name: "Ada Admin", role: "ADMIN" },
  { email: "manager@example.com", name: "Maya Manager", role: "MANAGER" },
  { email: "agent@example.com", name: "Alex Agent", role: "AGENT" },
  { email: "agent2@example.com", name: "Sam Support", role: "AGENT" },
];

type Line = { from: "customer" | "agent"; text: string; minutesAgo: number; status?: "SENT" | "DELIVERED" | "READ" };

const conversations: { waId: string; name: string; assignee?: string; lines: Line[] }[] = [
  {
    waId: "4915112345678",
    name: "Lena Fischer",
    assignee: "agent@example.com",
    lines: [
      { from: "customer", text: "Hi! I ordered the walnut desk last week, order #48213. Any news on delivery?", minutesAgo: 48 },
      { from: "agent", text: "Hi Lena, let me check that for you.", minutesAgo: 45, status: "READ" },
      {
        from: "agent",
        text: "It left our warehouse yesterday; the carrier expects Thursday between 9:00 and 13:00.",
        minutesAgo: 44,
        status: "READ",
      },
      { from: "customer", text: "Perfect, thanks! Can they leave it with my neighbour if I'm out?", minutesAgo: 6 },
    ],
  },
  {
    waId: "447700900123",
    name: "Oliver Bennett",
    lines: [
      { from: "customer", text: "Hello, do you ship to Ireland?", minutesAgo: 95 },
      { from: "customer", text: "And is there a discount for two chairs?", minutesAgo: 93 },
    ],
  },
  {
    waId: "5511987654321",
    name: "Mariana Costa",
    assignee: "agent2@example.com",
    lines: [
      { from: "customer", text: "The lamp arrived with a cracked shade 😕", minutesAgo: 300 },
      { from: "agent", text: "I'm so sorry, Mariana. Could you send a photo of the shade?", minutesAgo: 290, status: "READ" },
      { from: "customer", text: "Sent it by email just now.", minutesAgo: 280 },
      { from: "agent", text: "Got it, a replacement is on its way. Tracking follows by email.", minutesAgo: 270, status: "DELIVERED" },
    ],
  },
  {
    waId: "14155550142",
    name: "Priya Raman",
    lines: [
      { from: "customer", text: "Can I change the colour of my order to oak?", minutesAgo: 25 * 60 },
      { from: "agent", text: "Yes, I've changed it. You'll get a new confirmation.", minutesAgo: 25 * 60 - 10, status: "READ" },
    ],
  },
  {
    waId: "33612345678",
    name: "Camille Laurent",
    lines: [{ from: "customer", text: "Bonjour ! Vos bureaux sont-ils réglables en hauteur ?", minutesAgo: 2 }],
  },
];

export async function seedDemo(): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const userIds = new Map<string, string>();
  for (const user of users) {
    const row = await db.user.upsert({
      where: { email: user.email },
      update: {},
      create: { ...user, passwordHash },
    });
    userIds.set(user.email, row.id);
  }

  const phoneNumberId = config().whatsapp.phoneNumberId;
  const channel = await db.channel.upsert({
    where: { phoneNumberId },
    update: {},
    create: {
      phoneNumberId,
      displayPhoneNumber: "15550100200",
      wabaId: config().whatsapp.wabaId,
      inbox: { create: { name: "Northwind Furniture" } },
    },
    include: { inbox: true },
  });
  const inbox = channel.inbox!;
  for (const userId of userIds.values()) {
    await db.inboxMember.upsert({
      where: { inboxId_userId: { inboxId: inbox.id, userId } },
      update: {},
      create: { inboxId: inbox.id, userId },
    });
  }

  const now = Date.now();
  for (const [index, demo] of conversations.entries()) {
    const contact = await db.contact.upsert({
      where: { channelId_waId: { channelId: channel.id, waId: demo.waId } },
      update: {},
      create: { channelId: channel.id, waId: demo.waId, name: demo.name },
    });
    if (await db.conversation.count({ where: { contactId: contact.id } })) continue;

    const at = (line: Line) => new Date(now - line.minutesAgo * 60_000);
    const lastInbound = demo.lines.filter((line) => line.from === "customer").at(-1);
    const last = demo.lines.at(-1)!;
    const unread = demo.lines.length - 1 - demo.lines.findLastIndex((line) => line.from === "agent");
    const conversation = await db.conversation.create({
      data: {
        inboxId: inbox.id,
        contactId: contact.id,
        assigneeId: demo.assignee ? userIds.get(demo.assignee) : null,
        lastInboundAt: lastInbound ? at(lastInbound) : null,
        lastMessageAt: at(last),
        lastMessagePreview: last.text,
        unreadCount: last.from === "customer" ? unread : 0,
        // From the first of the customer's messages that no agent has answered yet.
        waitingSince: last.from === "customer" ? at(demo.lines[demo.lines.length - unread]) : null,
      },
    });
    for (const [position, line] of demo.lines.entries()) {
      const sentAt = at(line);
      const outbound = line.from === "agent";
      const rank = ["SENT", "DELIVERED", "READ"].indexOf(line.status ?? "SENT");
      await db.message.create({
        data: {
          channelId: channel.id,
          conversationId: conversation.id,
          direction: outbound ? "OUTBOUND" : "INBOUND",
          senderId: outbound ? userIds.get(demo.assignee ?? "agent@example.com") : null,
          type: "text",
          text: line.text,
          externalId: `wamid.seed-${index}-${position}`,
          status: outbound ? (line.status ?? "SENT") : "RECEIVED",
          timestamp: sentAt,
          sentAt: outbound ? sentAt : null,
          deliveredAt: outbound && rank >= 1 ? new Date(sentAt.getTime() + 2_000) : null,
          readAt: outbound && rank >= 2 ? new Date(sentAt.getTime() + 60_000) : null,
          ...(outbound ? { pricingModel: "PMP", pricingType: "free_customer_service", pricingCategory: "service", billable: false } : {}),
        },
      });
    }
  }
  await seedMessenger({ userIds });
  await seedWorkspace();
}
