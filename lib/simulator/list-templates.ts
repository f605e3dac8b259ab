import "server-only";
import { db } from "@/lib/db/client";
import { config } from "@/lib/config";
import { graphError, ok, type GraphReply } from "./graph-reply";
import { simulatorTemplates } from "./templates";

// GET /{waba-id}/message_templates: the account's templates, a page at a time (default 25, as
// Meta), with Meta's cursor paging: paging.cursors.{before,after} and paging.next while more
// remain. Filters Meta offers: name, status, category, language.

const DEFAULT_LIMIT = 25;
const MAX_LIMIT = 100;

export async function listTemplates({ wabaId, query }: { wabaId: string; query: URLSearchParams }): Promise<GraphReply> {
  const channel = await db.channel.findFirst({ where: { wabaId } });
  if (!channel) {
    return graphError(
      400,
      100,
      `Unsupported get request. Object with ID '${wabaId}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
      "GraphMethodException",
    );
  }
  const limit = Number(query.get("limit") ?? DEFAULT_LIMIT);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    return graphError(400, 100, `(#100) Param limit must be an integer between 1 and ${MAX_LIMIT}.`);
  }
  const matching = simulatorTemplates.filter(
    (template) =>
      (!query.get("name") || template.name.includes(query.get("name")!)) &&
      (!query.get("status") || template.status === query.get("status")!.toUpperCase()) &&
      (!query.get("category") || template.category === query.get("category")!.toUpperCase()) &&
      (!query.get("language") || template.language === query.get("language")),
  );

  const after = query.get("after");
  const before = query.get("before");
  let start = 0;
  if (after) start = decodeCursor(after) + 1;
  else if (before) start = Math.max(0, decodeCursor(before) - limit);
  if (Number.isNaN(start)) return graphError(400, 100, "(#100) Invalid cursor");

  const page = matching.slice(start, start + limit);
  const data = page.map(({ id, name, language, status, category, parameter_format, components, rejected_reason, quality_score }) => ({
    name,
    parameter_format,
    components,
    language,
    status,
    category,
    ...(rejected_reason ? { rejected_reason } : {}),
    ...(quality_score ? { quality_score } : {}),
    id,
  }));
  if (!page.length) return ok({ data: [], paging: { cursors: {} } });

  const cursors = { before: encodeCursor(start), after: encodeCursor(start + page.length - 1) };
  const link = (cursor: Record<string, string>) => {
    const params = new URLSearchParams(query);
    params.delete("after");
    params.delete("before");
    params.set("limit", String(limit));
    for (const [key, value] of Object.entries(cursor)) params.set(key, value);
    return `${config().whatsapp.graphUrl}/${wabaId}/message_templates?${params}`;
  };
  return ok({
    data,
    paging: {
      cursors,
      ...(start + page.length < matching.length ? { next: link({ after: cursors.after }) } : {}),
      ...(start > 0 ? { previous: link({ before: cursors.before }) } : {}),
    },
  });
}

// Meta's cursors are opaque base64; these carry the position in the list.
function encodeCursor(index: number): string {
  return Buffer.from(`tpl:${index}`).toString("base64url");
}

function decodeCursor(cursor: string): number {
  const match = /^tpl:(\d+)$/.exec(Buffer.from(cursor, "base64url").toString());
  return match ? Number(match[1]) : Number.NaN;
}
