import { z } from "zod";

// What the audit log can be narrowed by, as the URL and GET /api/audit and /api/audit/export take
// it. No imports beyond zod, so the page's filter bar (a client component) reads the same rules.

const blankIsUnset = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const text = (max: number) => z.preprocess(blankIsUnset, z.string().trim().max(max).optional());
// A day (yyyy-mm-dd, the whole day in UTC) or an instant with its offset.
const moment = z.preprocess(blankIsUnset, z.union([z.iso.date(), z.iso.datetime({ offset: true })]).optional());

export const auditFilterSchema = z.object({
  /** A user's id, or the label of a system actor such as "system:sign-in". */
  actor: text(200),
  /** One or more actions, comma-separated. */
  action: z.preprocess(
    blankIsUnset,
    z
      .string()
      .max(2_000)
      .transform((value) => [
        ...new Set(
          value
            .split(",")
            .map((part) => part.trim())
            .filter(Boolean),
        ),
      ])
      .pipe(z.array(z.string().max(100)).max(50))
      .optional(),
  ),
  targetType: text(100),
  targetId: text(200),
  from: moment,
  to: moment,
  /** Words that must all appear in the event: actor, action, target, reason, address or before/after. */
  q: text(200),
});

export type AuditFilter = z.output<typeof auditFilterSchema>;

export const auditPageSchema = auditFilterSchema.extend({
  /** The `nextCursor` of the page before: events older than it. */
  cursor: z.preprocess(
    blankIsUnset,
    z
      .string()
      .regex(/^\d{1,19}$/, "The cursor is not one this API gave out.")
      .optional(),
  ),
  limit: z.preprocess(blankIsUnset, z.coerce.number().int().min(1).max(200).optional()),
});

export const auditExportSchema = auditFilterSchema.extend({
  format: z.enum(["csv", "jsonl"]).default("csv"),
});

/** The search's words: at most eight, each matched as a substring. */
export function searchTerms(q: string | undefined): string[] {
  return [...new Set((q ?? "").split(/\s+/).filter(Boolean))].slice(0, 8);
}

/** The filter as URL parameters, in the API's own names (for the export links). */
export function filterParams(filter: AuditFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) {
    if (Array.isArray(value) ? value.length > 0 : value !== undefined && value !== "") {
      params.set(key, Array.isArray(value) ? value.join(",") : String(value));
    }
  }
  return params;
}
