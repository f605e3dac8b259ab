import "server-only";
import { config } from "@/lib/config";
import { db } from "@/lib/db/client";
import { translator } from "@/lib/i18n/translator";
import { messengerTransport } from "@/lib/messenger/transport";

// The Facebook Page named in the configuration (MESSENGER_PAGE_ID) is an inbox from the first
// start, as the configured WhatsApp number is (lib/conversations/ensure-configured-channel.ts), so
// its customers' messages are kept before anyone configures anything. Admins are members from the
// start. In simulator mode it is the simulator's Page.

export const SIMULATOR_PAGE_NAME = "Northwind Furniture on Messenger";

export async function ensureConfiguredPage({ log = console.log } = {}): Promise<void> {
  const page = config().messenger;
  if (!page) return;
  if (await db.channel.findUnique({ where: { pageId: page.pageId }, select: { id: true } })) return;
  const name = config().whatsapp.mode === "cloud" ? await pageName(page.pageId, log) : SIMULATOR_PAGE_NAME;
  const channel = await db.channel.upsert({
    where: { pageId: page.pageId },
    update: {},
    create: { kind: "MESSENGER", pageId: page.pageId, pageName: name, inbox: { create: { name } } },
    select: { inbox: { select: { id: true, name: true } } },
  });
  const inbox = channel.inbox!;
  const admins = await db.user.findMany({ where: { role: "ADMIN", active: true }, select: { id: true } });
  await db.inboxMember.createMany({ data: admins.map((admin) => ({ inboxId: inbox.id, userId: admin.id })), skipDuplicates: true });
  log(`created the inbox "${inbox.name}" for Facebook Page ${page.pageId}`);
}

// The Page's name as Meta has it; the inbox still opens if Meta can't be asked.
async function pageName(pageId: string, log: (line: string) => void): Promise<string> {
  const details = await messengerTransport.describePage({ pageId });
  if (!("error" in details)) return details.name;
  const why = translator("en")(details.error.key, details.error.values);
  log(`could not read Facebook Page ${pageId} from the Graph API (${why}); its inbox is named "Messenger" until then`);
  return "Messenger";
}
