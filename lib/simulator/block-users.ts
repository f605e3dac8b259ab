import "server-only";
import { db } from "@/lib/db/client";
import { SERVICE_WINDOW_MS } from "@/lib/conversations/window";
import { lastWroteAt } from "./customer-state";
import { graphError, ok, type GraphReply } from "./graph-reply";
import { numberIds } from "@/lib/whatsapp/whatsapp-number";

// The Block Users API: POST blocks, DELETE unblocks, GET lists, per number and
// synchronously. Only a customer who wrote in the last 24 h can be blocked (131047 otherwise), not
// the business's own number (131021); any failure adds Meta's top-level 139100 error next to the
// per-user results. Unblocking has no 24 h rule here: a blocked customer cannot write, so it
// could never be lifted otherwise (Meta's docs contradict each other on this point).

const MAX_USERS = 1000;

type Outcome = { input: string; wa_id: string };
type Failure = Outcome & { errors: { message: string; code: number; error_data: { details: string } }[] };

export async function changeBlocks({
  phoneNumberId,
  body,
  block,
}: {
  phoneNumberId: string;
  body: unknown;
  block: boolean;
}): Promise<GraphReply> {
  const row = await db.channel.findUnique({ where: { phoneNumberId } });
  const channel = row ? numberIds(row) : null;
  if (!channel) return graphError(400, 100, `Object with ID '${phoneNumberId}' does not exist.`, "GraphMethodException");
  const request = (body ?? {}) as { messaging_product?: unknown; block_users?: unknown };
  if (request.messaging_product !== "whatsapp") return graphError(400, 100, "(#100) The parameter messaging_product is required.");
  const users = Array.isArray(request.block_users) ? request.block_users : null;
  if (!users?.length) return graphError(400, 100, "(#100) The parameter block_users is required.");
  if (users.length > MAX_USERS) return graphError(400, 100, `(#100) Param block_users must have at most ${MAX_USERS} entries.`);

  const done: Outcome[] = [];
  const failed: Failure[] = [];
  for (const entry of users) {
    const input = typeof (entry as { user?: unknown })?.user === "string" ? (entry as { user: string }).user : "";
    const waId = input.replace(/[^\d]/g, "");
    const problem = await blockProblem({ phoneNumberId, waId, block, businessNumber: channel.displayPhoneNumber });
    if (problem) {
      failed.push({
        input,
        wa_id: waId,
        errors: [{ message: problem.message, code: problem.code, error_data: { details: problem.details } }],
      });
      continue;
    }
    await db.simulatorCustomer.upsert({
      where: { phoneNumberId_waId: { phoneNumberId, waId } },
      create: { phoneNumberId, waId, blockedAt: block ? new Date() : null },
      update: { blockedAt: block ? new Date() : null },
    });
    done.push({ input, wa_id: waId });
  }

  const key = block ? "added_users" : "removed_users";
  const result = { messaging_product: "whatsapp", block_users: { [key]: done, ...(failed.length ? { failed_users: failed } : {}) } };
  if (!failed.length) return ok(result);
  const action = block ? "block" : "unblock";
  return {
    status: 400,
    body: {
      ...result,
      error: {
        message: `(#139100) Failed to ${action} users`,
        type: "OAuthException",
        code: 139100,
        error_data: { details: `Failed to ${action} some users, see the block_users response list for details` },
        fbtrace_id: "Asimulator",
      },
    },
  };
}

async function blockProblem({
  phoneNumberId,
  waId,
  block,
  businessNumber,
}: {
  phoneNumberId: string;
  waId: string;
  block: boolean;
  businessNumber: string;
}) {
  if (!/^\d{6,15}$/.test(waId)) return { code: 100, message: "Invalid parameter", details: "The user is not a valid phone number." };
  if (waId === businessNumber.replace(/[^\d]/g, ""))
    return { code: 131021, message: "Recipient cannot be sender", details: "A business cannot block its own number." };
  if (!block) return null;
  const wrote = await lastWroteAt({ phoneNumberId, waId });
  if (!wrote || Date.now() - wrote.getTime() >= SERVICE_WINDOW_MS) {
    return {
      code: 131047,
      message: "Re-engagement message",
      details: "Only users who messaged the business in the last 24 hours can be blocked.",
    };
  }
  return null;
}

/** GET /{phone-number-id}/block_users?limit=&after=&before= */
export async function listBlocks({ phoneNumberId, query }: { phoneNumberId: string; query: URLSearchParams }): Promise<GraphReply> {
  const limit = Math.min(Math.max(Number(query.get("limit") ?? 100) || 100, 1), 10_000);
  const blocked = await db.simulatorCustomer.findMany({
    where: { phoneNumberId, blockedAt: { not: null } },
    orderBy: [{ blockedAt: "asc" }, { id: "asc" }],
    select: { id: true, waId: true },
  });
  const cursor = (value: string | null) => (value ? Buffer.from(value, "base64url").toString() : null);
  const after = cursor(query.get("after"));
  const before = cursor(query.get("before"));
  let start = 0;
  if (after) start = blocked.findIndex((row) => row.id === after) + 1;
  else if (before) start = Math.max(0, blocked.findIndex((row) => row.id === before) - limit);
  const page = blocked.slice(start, start + limit);
  const encode = (id: string) => Buffer.from(id).toString("base64url");
  return ok({
    data: page.map((row) => ({ messaging_product: "whatsapp", wa_id: row.waId })),
    paging: page.length ? { cursors: { before: encode(page[0].id), after: encode(page.at(-1)!.id) } } : { cursors: {} },
  });
}
