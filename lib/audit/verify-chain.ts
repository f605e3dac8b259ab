import { config } from "@/lib/config";
import { db } from "@/lib/db/client";
import { finishChain, startChain, stepChain, type ChainBreak } from "./chain";

export type ChainReport = { ok: true; events: number } | { ok: false; events: number; broken: ChainBreak };

// Pages keep memory flat however long the trail grows; each page is one indexed range read on seq.
const PAGE = 2_000;

/**
 * Walks the whole trail in order. `events` counts the events found intact (before the break, if
 * any); `broken` is the first event that does not hold, and why.
 */
export async function verifyAuditChain({ pageSize = PAGE }: { pageSize?: number } = {}): Promise<ChainReport> {
  const key = config().auditKey;
  let state = startChain();
  let cursor: bigint | undefined;
  for (;;) {
    const page = await db.auditEvent.findMany({
      where: cursor === undefined ? {} : { seq: { gt: cursor } },
      orderBy: { seq: "asc" },
      take: pageSize,
      // Everything the hash covers, and not the search text (which it does not).
      omit: { searchText: true },
    });
    for (const event of page) {
      const step = stepChain(state, event, key);
      if ("broken" in step) return { ok: false, events: state.events, broken: step.broken };
      state = step.state;
    }
    if (page.length < pageSize) break;
    cursor = page[page.length - 1]!.seq;
  }
  const unsealed = finishChain(state);
  return unsealed ? { ok: false, events: state.events - 1, broken: unsealed } : { ok: true, events: state.events };
}
