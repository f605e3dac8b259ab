import { SIMULATOR_PAGE_NAME } from "../lib/channels/ensure-configured-page";
import { config } from "../lib/config";
import { db } from "../lib/db/client";

// The demo's Facebook Page: its own inbox (agents, manager and admin are members) and a few
// Messenger conversations beside the WhatsApp ones — one customer writing on both, linked as the
// same person, and one past the 24 h window, where only a HUMAN_AGENT reply is allowed. Idempotent.

type Line = { from: "customer" | "agent"; text: string; minutesAgo: number; status?: "SENT" | "DELIVERED" | "READ" };

const conversations: { psid: string; name: string; sameAsWaId?: string; assignee?: string; lines: Line[] }[] = [
  {
    psid: "7100000000000001",
    name: "Camille Laurent",
    sameAsWaId: "33612345678",
    lines: [{ from: "customer", text: "Je vous écris aussi ici : le bureau existe-t-il en chêne clair ?", minutesAgo: 4 }],
  },
  {
    psid: "7100000000000002",
    name: "Tom Becker",
    assignee: "agent@example.com",
    lines: [
      { from: "customer", text: "Hi, the assembly instructions for the bookshelf are missing a page.", minutesAgo: 30 * 60 },
      { from: "agent", text: "Sorry about that, Tom! I'll ask the warehouse for the PDF.", minutesAgo: 30 * 60 - 5, status: "READ" },
    ],
  },
];

export async function seedMessenger({ userIds }: { userIds: Map<string, string> }): Promise<void> {
  const page = config().messenger;
  if (!page) return;
  const channel = await db.channel.upsert({
    where: { pageId: page.pageId },
    update: {},
    create: { kind: "MESSENGER", pageId: page.pageId, pageName: SIMULATOR_PAGE_NAME, inbox: { create: { name: SIMULATOR_PAGE_NAME } } },
    include: { inbox: true },
  });
  const inbox = channel.inbox!;
  for (const email of ["agent@example.com", "manager@example.com", "admin@example.com"]) {
    const userId = userIds.get(email);
    if (!userId) continue;
    await db.inboxMember.upsert({
      where: { inboxId_userId: { inboxId: inbox.id, userId } },
      update: {},
      create: { inboxId: inbox.id, userId },
    });
  }

  const now = Date.now();
  for (const [index, demo] of conversations.entries()) {
    const contact = await db.contact.upsert({
      where: { channelId_psid: { channelId: channel.id, psid: demo.psid } },
      update: {},
      create: { channelId: channel.id, psid: demo.psid, name: demo.name },
    });
    if (demo.sameAsWaId && !contact.personId) await linkToWhatsApp({ contactId: contact.id, waId: demo.sameAsWaId });
    if (await db.conversation.count({ where: { contactId: contact.id } })) continue;

    const at = (line: Line) => new Date(now - line.minutesAgo * 60_000);
    const inbound = demo.lines.filter((line) => line.from === "customer");
    const last = demo.lines.at(-1)!;
    const conversation = await db.conversation.create({
      data: {
        inboxId: inbox.id,
        contactId: contact.id,
        assigneeId: demo.assignee ? userIds.get(demo.assignee) : null,
        lastInboundAt: inbound.length ? at(inbound.at(-1)!) : null,
        lastMessageAt: at(last),
        lastMessagePreview: last.text,
        unreadCount: last.from === "customer" ? 1 : 0,
        waitingSince: last.from === "customer" ? at(last) : null,
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
          content: outbound ? { text: { body: line.text }, messaging: { type: "RESPONSE" } } : { text: line.text },
          externalId: `m_seed-${index}-${position}`,
          status: outbound ? (line.status ?? "SENT") : "RECEIVED",
          timestamp: sentAt,
          sentAt: outbound ? sentAt : null,
          deliveredAt: outbound && rank >= 1 ? new Date(sentAt.getTime() + 2_000) : null,
          readAt: outbound && rank >= 2 ? new Date(sentAt.getTime() + 60_000) : null,
          ...(outbound ? { pricingType: "messenger", billable: false } : {}),
        },
      });
    }
  }
}

/** The demo's customer who writes on both channels: one person behind the two contacts. */
async function linkToWhatsApp({ contactId, waId }: { contactId: string; waId: string }) {
  const whatsapp = await db.contact.findFirst({ where: { waId, channel: { kind: "WHATSAPP" } } });
  if (!whatsapp) return;
  const personId = whatsapp.personId ?? (await db.person.create({ data: {} })).id;
  await db.contact.updateMany({ where: { id: { in: [contactId, whatsapp.id] } }, data: { personId } });
}
