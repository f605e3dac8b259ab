import "server-only";
import { db, type Prisma } from "@/lib/db/client";
import { normaliseLanguage } from "./render-template";
import { numberIds, whatsappChannels } from "./whatsapp-number";
import { fetchTemplatePage, type MetaTemplate } from "./templates-api";

// Mirrors the WhatsApp Business Account's templates into the Template table: every page Meta
// lists (following paging.next to the end), upserted by channel + name + language. A template no
// longer listed was deleted at Meta and is marked DELETED, so it stays readable on old messages
// but can't be sent. Runs on start, daily and when an admin asks (lib/jobs, /api/templates/sync).

const MAX_PAGES = 100; // Meta caps an account at 250 templates; this only guards against a paging loop.

export type SyncResult = { channelId: string; pages: number; synced: number; deleted: number };

export async function syncTemplates({ channelId, pageSize }: { channelId: string; pageSize?: number }): Promise<SyncResult> {
  const channel = await db.channel.findUniqueOrThrow({ where: { id: channelId } });
  const templates: MetaTemplate[] = [];
  let pages = 0;
  let next: string | undefined;
  do {
    const page = await fetchTemplatePage({ ...numberIds(channel), next, limit: pageSize });
    templates.push(...(page.data ?? []));
    next = page.paging?.next;
    pages++;
  } while (next && pages < MAX_PAGES);

  const syncedAt = new Date();
  const seen = new Set<string>();
  for (const template of templates) {
    const language = normaliseLanguage(template.language);
    seen.add(`${template.name}\u0000${language}`);
    const data = {
      metaId: template.id,
      category: template.category,
      status: template.status,
      components: (template.components ?? []) as Prisma.InputJsonValue,
      reason: template.rejected_reason && template.rejected_reason !== "NONE" ? template.rejected_reason : null,
      syncedAt,
    };
    await db.template.upsert({
      where: { channelId_name_language: { channelId, name: template.name, language } },
      create: { channelId, name: template.name, language, ...data },
      update: data,
    });
  }

  const known = await db.template.findMany({
    where: { channelId, status: { not: "DELETED" } },
    select: { id: true, name: true, language: true },
  });
  const gone = known.filter((template) => !seen.has(`${template.name}\u0000${template.language}`)).map((template) => template.id);
  if (gone.length) await db.template.updateMany({ where: { id: { in: gone } }, data: { status: "DELETED", syncedAt } });
  return { channelId, pages, synced: templates.length, deleted: gone.length };
}

/** Every channel (or one); a failure is thrown after the others have synced, for the job to retry. */
export async function syncChannelTemplates({ channelId }: { channelId?: string } = {}): Promise<SyncResult[]> {
  const channels = await db.channel.findMany({
    where: { ...whatsappChannels, ...(channelId ? { id: channelId } : {}) },
    select: { id: true },
  });
  const results: SyncResult[] = [];
  let failure: unknown = null;
  for (const channel of channels) {
    try {
      results.push(await syncTemplates({ channelId: channel.id }));
    } catch (error) {
      console.error(`[templates] sync of channel ${channel.id} failed`, error);
      failure ??= error;
    }
  }
  if (failure) throw failure;
  return results;
}
