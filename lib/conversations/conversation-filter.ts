import { z } from "zod";

// The inbox list's filters, shared by GET /api/conversations and the inbox page: status,
// assignee, q and cursor, and the rest that narrow further.

export const conversationFilterSchema = z.object({
  status: z.enum(["OPEN", "PENDING", "SNOOZED", "RESOLVED", "ALL"]).optional(),
  assignee: z.enum(["me", "unassigned", "all"]).optional(),
  label: z.string().max(100).optional(),
  team: z.string().max(100).optional(),
  // Only the conversations of WhatsApp numbers, or of Facebook Pages.
  channel: z.enum(["whatsapp", "messenger"]).optional(),
  // open: the 24 h window is open; closing: it closes within the hour; closing4h: within four
  // hours; closed: it has closed.
  window: z.enum(["open", "closing", "closing4h", "closed"]).optional(),
  q: z.string().trim().max(200).optional(),
  // recent: latest activity first; waiting: conversations awaiting a reply, longest waiting first.
  sort: z.enum(["recent", "waiting"]).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});

export type ConversationFilter = z.infer<typeof conversationFilterSchema>;

/** Keyset cursor: the sort value and id of the last item returned. */
export function encodeCursor(value: Date | null, id: string): string {
  return Buffer.from(JSON.stringify([value?.toISOString() ?? null, id])).toString("base64url");
}

export function decodeCursor(cursor: string): { value: Date | null; id: string } | null {
  try {
    const [value, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as [string | null, string];
    if (typeof id !== "string") return null;
    const date = value === null ? null : new Date(value);
    if (date && Number.isNaN(date.getTime())) return null;
    return { value: date, id };
  } catch {
    return null;
  }
}
