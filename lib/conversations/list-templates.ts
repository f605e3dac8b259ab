import "server-only";
import { db } from "@/lib/db/client";
import { previewTemplate, type TemplateComponentDefinition, type TemplatePreview } from "@/lib/whatsapp/render-template";
import { memberOf } from "./find-conversation";

export type TemplateDto = {
  id: string;
  channelId: string;
  name: string;
  language: string;
  category: string;
  components: unknown;
  // The template as the customer sees it, placeholders ({{1}}, {{name}}) still in.
  preview: TemplatePreview;
  syncedAt: string;
};

/** The approved templates of the inboxes `userId` belongs to: what agents may send. */
export async function listTemplates({ userId, channelId }: { userId: string; channelId?: string }): Promise<TemplateDto[]> {
  const rows = await db.template.findMany({
    where: { status: "APPROVED", ...(channelId ? { channelId } : {}), channel: { inbox: memberOf(userId).inbox } },
    orderBy: [{ name: "asc" }, { language: "asc" }],
  });
  return rows.map((row) => ({
    id: row.id,
    channelId: row.channelId,
    name: row.name,
    language: row.language,
    category: row.category,
    components: row.components,
    preview: previewTemplate({ definition: (Array.isArray(row.components) ? row.components : []) as TemplateComponentDefinition[] }),
    syncedAt: row.syncedAt.toISOString(),
  }));
}
