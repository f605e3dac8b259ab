import "server-only";
import { config } from "@/lib/config";
import { graphRequest } from "./graph-client";
import type { TemplateComponentDefinition } from "./render-template";

// GET /{waba-id}/message_templates, a page at a time.

export type MetaTemplate = {
  id: string;
  name: string;
  language: string;
  status: string;
  category: string;
  components?: TemplateComponentDefinition[];
  parameter_format?: string;
  rejected_reason?: string;
};

export type TemplatePage = {
  data: MetaTemplate[];
  paging?: { cursors?: { before?: string; after?: string }; next?: string };
};

const FIELDS = "id,name,language,status,category,components,parameter_format,rejected_reason,quality_score";

/** The first page, or the page `next` (Meta's paging.next URL) points at. */
export async function fetchTemplatePage({
  wabaId,
  phoneNumberId,
  next,
  limit = 100,
}: {
  wabaId: string;
  /** A number of the account, whose credentials are used. */
  phoneNumberId: string;
  next?: string;
  limit?: number;
}): Promise<TemplatePage> {
  return graphRequest<TemplatePage>({
    as: { phoneNumberId },
    method: "GET",
    path: next ? relativeTo(next) : `${wabaId}/message_templates?fields=${FIELDS}&limit=${limit}`,
  });
}

// paging.next is absolute; the bearer token only ever goes to the configured Graph API.
function relativeTo(next: string): string {
  const base = `${config().whatsapp.graphUrl}/`;
  if (next.startsWith(base)) return next.slice(base.length);
  const url = new URL(next);
  const graph = new URL(base);
  if (url.origin !== graph.origin) throw new Error(`Refusing to follow paging.next to ${url.origin}`);
  return url.pathname.replace(/^\/v\d+(\.\d+)?\//, "") + url.search;
}
