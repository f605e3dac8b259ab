import type { z } from "zod";
import {
  inboundMessage,
  messagesMetadata,
  statusReceipt,
  valueErrors,
  webhookChange,
  webhookContact,
  webhookEntry,
  type InboundMessage,
  type MessagesValue,
  type StatusReceipt,
  type WebhookEnvelope,
} from "./webhook-schema";

// Meta batches many things into one body: entries, each with changes, each "messages" change with
// messages, receipts and contacts. Each is checked on its own here, so a malformed one is named in
// `problems` and skipped while everything valid beside it is still stored. Pure: no I/O.

/** Deeper than any payload Meta documents; deeper items are malformed, not stored. */
export const MAX_ITEM_DEPTH = 32;

export type Located<T> = { where: string; item: T };

export type WebhookWork =
  | { kind: "account"; where: string; wabaId: string | undefined; field: string; value: Record<string, unknown> }
  | {
      kind: "messages";
      where: string;
      value: MessagesValue;
      messages: Located<InboundMessage>[];
      statuses: Located<StatusReceipt>[];
    };

/** `accountFields`: the non-"messages" fields that are processed (the rest are ignored). */
export function readWebhookItems({ body, accountFields }: { body: WebhookEnvelope; accountFields: readonly string[] }): {
  work: WebhookWork[];
  problems: string[];
} {
  const work: WebhookWork[] = [];
  const problems: string[] = [];
  body.entry.forEach((rawEntry, e) => {
    const entry = check(webhookEntry, rawEntry);
    if (!entry.ok) return problems.push(`entry[${e}]: ${entry.problem}`);
    entry.data.changes.forEach((rawChange, c) => {
      const where = `entry[${e}].changes[${c}]`;
      const change = check(webhookChange, rawChange);
      if (!change.ok) return problems.push(`${where}: ${change.problem}`);
      const { field, value } = change.data;
      if (accountFields.includes(field)) {
        if (!isPlainObject(value)) return problems.push(`${where}: the "${field}" value is not an object`);
        return work.push({ kind: "account", where, wabaId: entry.data.id, field, value });
      }
      if (field !== "messages") return;
      const read = readMessagesChange({ value, where });
      problems.push(...read.problems);
      if (read.work) work.push(read.work);
    });
  });
  return { work, problems };
}

/** One "messages" change: its metadata must hold, then every item stands or falls alone. */
export function readMessagesChange({ value, where }: { value: unknown; where: string }): {
  work: WebhookWork | null;
  problems: string[];
} {
  if (!isPlainObject(value)) return { work: null, problems: [`${where}: the "messages" value is not an object`] };
  const metadata = check(messagesMetadata, value.metadata);
  if (!metadata.ok) return { work: null, problems: [`${where}: metadata: ${metadata.problem}`] };

  const problems: string[] = [];
  const list = <T>(key: string, schema: z.ZodType<T>): Located<T>[] => {
    const raw = value[key];
    if (raw === undefined) return [];
    if (!Array.isArray(raw)) {
      problems.push(`${key}: is not a list (${where})`);
      return [];
    }
    const valid: Located<T>[] = [];
    raw.forEach((item, index) => {
      const label = `${key}[${index}]`;
      const parsed = nestedDeeperThan(item, MAX_ITEM_DEPTH)
        ? ({ ok: false, problem: `nested more than ${MAX_ITEM_DEPTH} levels deep` } as const)
        : check(schema, item);
      if (parsed.ok) valid.push({ where: label, item: parsed.data });
      else problems.push(`${label}: ${parsed.problem} (${where})`);
    });
    return valid;
  };

  const contacts = list("contacts", webhookContact).map(({ item }) => item);
  const messages = list("messages", inboundMessage);
  const statuses = list("statuses", statusReceipt);
  let errors: MessagesValue["errors"];
  if (value.errors !== undefined) {
    const parsed = check(valueErrors, value.errors);
    if (parsed.ok) errors = parsed.data;
    else problems.push(`errors: ${parsed.problem} (${where})`);
  }
  const cleaned: MessagesValue = {
    metadata: metadata.data,
    contacts,
    messages: messages.map(({ item }) => item),
    statuses: statuses.map(({ item }) => item),
    errors,
  };
  return { work: { kind: "messages", where, value: cleaned, messages, statuses }, problems };
}

type Checked<T> = { ok: true; data: T } | { ok: false; problem: string };

/** Parses one piece; a failure reads "<field path>: <why>", e.g. "timestamp: must be Unix seconds…". */
export function check<T>(schema: z.ZodType<T>, value: unknown): Checked<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, data: parsed.data };
  const [first, ...rest] = parsed.error.issues;
  const path = first.path
    .map((part) => (typeof part === "number" ? `[${part}]` : `.${String(part)}`))
    .join("")
    .replace(/^\./, "");
  const more = rest.length ? ` (and ${rest.length} more)` : "";
  return { ok: false, problem: `${path ? `${path}: ` : ""}${first.message}${more}` };
}

/** Walks without recursion: the body may be nested as deep as the parser allowed. */
export function nestedDeeperThan(value: unknown, limit: number): boolean {
  const stack: { node: unknown; depth: number }[] = [{ node: value, depth: 0 }];
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    if (typeof node !== "object" || node === null) continue;
    if (depth + 1 > limit) return true;
    for (const child of Object.values(node)) stack.push({ node: child, depth: depth + 1 });
  }
  return false;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
