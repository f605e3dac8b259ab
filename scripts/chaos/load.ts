import { performance } from "node:perf_hooks";
import { signBody } from "../../lib/whatsapp/signature";
import { customer, webhookBody, type BenchEvent, type ReceiptStatus } from "../bench/ingest/workload";

// The chaos load: customers' messages and the three receipts of every outbound message, one
// signed body each, a share of them sent twice (Meta redelivers), all in a shuffled order — so a
// receipt can come before its message's earlier ones and a customer's messages out of turn. The
// sender resends every body not answered 200, whatever happened to it (a refusal, a reset, a
// timeout), until each has been acknowledged.

export type Plan = {
  /** Each distinct body once: what the database must hold once the run is over. */
  inbound: { wamid: string; waId: string; text: string; at: number }[];
  receipts: { wamid: string; status: ReceiptStatus }[];
  outbound: string[];
  /** What is sent, duplicates included, in sending order. */
  bodies: { id: number; text: string }[];
};

const statuses: ReceiptStatus[] = ["sent", "delivered", "read"];

/** `events` events, one in four a customer's message and the rest receipts, plus `duplicates` of them again. */
export function planLoad({
  events,
  customers,
  outbound,
  channel,
  duplicates = 0.2,
  seed = 1,
}: {
  events: number;
  customers: number;
  /** Outbound wamids (and their recipients) already in the database, three receipts each. */
  outbound: { wamids: string[]; recipientWaIds: string[] };
  channel: { phoneNumberId: string; wabaId: string };
  duplicates?: number;
  seed?: number;
}): Plan {
  const random = mulberry32(seed);
  const wamidCount = Math.min(outbound.wamids.length, Math.floor((events * 3) / 4 / 3));
  const inboundCount = events - wamidCount * 3;
  const base = Math.floor(Date.now() / 1000) - 3600;
  const list: BenchEvent[] = [];
  const inbound: Plan["inbound"] = [];
  for (let index = 0; index < inboundCount; index++) {
    const who = customer(index % customers);
    const text = `C-${index} chaos message`;
    const event: BenchEvent = {
      kind: "inbound",
      key: `in:${index}`,
      wamid: `wamid.chaos.in.${seed}.${index}`,
      customer: who,
      text,
      timestamp: base + index,
    };
    list.push(event);
    inbound.push({ wamid: event.wamid, waId: who.waId, text, at: event.timestamp });
  }
  const receipts: Plan["receipts"] = [];
  for (let index = 0; index < wamidCount; index++) {
    for (const [offset, status] of statuses.entries()) {
      const wamid = outbound.wamids[index]!;
      list.push({
        kind: "status",
        key: `st:${wamid}:${status}`,
        wamid,
        status,
        recipientWaId: outbound.recipientWaIds[index]!,
        timestamp: base + offset,
      });
      receipts.push({ wamid, status });
    }
  }
  const texts = list.map((event) => webhookBody(event, channel));
  const sent = texts.map((text, id) => ({ id, text }));
  const extra = Math.round(texts.length * duplicates);
  for (let copy = 0; copy < extra; copy++) {
    const id = Math.floor(random() * texts.length);
    sent.push({ id, text: texts[id]! });
  }
  shuffle(sent, random);
  return { inbound, receipts, outbound: outbound.wamids.slice(0, wamidCount), bodies: sent };
}

export type SendStats = { sent: number; acknowledged: number; attempts: number; answers: Record<string, number>; seconds: number };

/**
 * Sends every body until each is answered 200, `concurrency` at a time, to whichever of `targets()`
 * is next (the scenario changes them as servers die and start). `onProgress` hears the count of
 * acknowledged bodies, so a scenario can strike mid-run.
 */
export async function sendAll({
  bodies,
  targets,
  appSecret,
  concurrency = 16,
  onProgress,
}: {
  bodies: { id: number; text: string }[];
  targets: () => string[];
  appSecret: string;
  concurrency?: number;
  onProgress?: (acknowledged: number) => void;
}): Promise<SendStats> {
  const started = performance.now();
  const queue = [...bodies];
  const answers: Record<string, number> = {};
  let acknowledged = 0;
  let attempts = 0;
  let inFlight = 0;
  const worker = async (index: number) => {
    for (;;) {
      const body = queue.shift();
      if (!body) {
        // Others may still fail and put theirs back.
        if (inFlight === 0) return;
        await sleep(50);
        continue;
      }
      inFlight++;
      const urls = targets();
      const url = urls[(index + attempts) % urls.length]!;
      attempts++;
      const answer = await post(`${url}/api/webhooks/whatsapp`, body.text, appSecret);
      answers[answer] = (answers[answer] ?? 0) + 1;
      inFlight--;
      if (answer === "200") {
        acknowledged++;
        onProgress?.(acknowledged);
      } else {
        queue.push(body);
        await sleep(answer === "503" ? 200 : 100);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, index) => worker(index)));
  return { sent: bodies.length, acknowledged, attempts, answers, seconds: (performance.now() - started) / 1000 };
}

async function post(url: string, text: string, appSecret: string): Promise<string> {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-hub-signature-256": signBody(text, appSecret) },
      body: text,
      signal: AbortSignal.timeout(15_000),
    });
    await response.arrayBuffer();
    return String(response.status);
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    return cause?.code ?? (error instanceof Error ? error.name : "error");
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function shuffle<T>(items: T[], random: () => number) {
  for (let index = items.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [items[index], items[other]] = [items[other]!, items[index]!];
  }
}

/** A small seeded generator: the same seed gives the same order, so a failing run can be repeated. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
