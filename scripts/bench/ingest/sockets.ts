import { performance } from "node:perf_hooks";
import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "../../../lib/realtime/events";
import { summarize, type Summary } from "./stats";
import { eventKeys, previewToken, type BenchEvent, type ReceiptStatus } from "./workload";

// The agents' browsers: signed-in sockets in the inbox room (conversation.created/updated carry
// an inbound message's preview) and in the rooms of the conversations whose outbound messages get
// receipts (message.updated). Webhook→socket latency is the time from sending a webhook to the
// first socket that sees its effect (for a customer's message: its preview, or a later message's
// preview of the same customer, since they are processed in order).

type AgentSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const receiptFields = { sent: "sentAt", delivered: "deliveredAt", read: "readAt" } as const satisfies Record<ReceiptStatus, string>;

export class LatencyTracker {
  private readonly sentAt = new Map<string, number>();
  private readonly latencies = new Map<string, number>();
  /** Each customer's inbound events not seen yet, in the order sent. */
  private readonly pendingInbound = new Map<string, { key: string; tag: string; seq: number }[]>();
  received = 0;

  expect(event: BenchEvent, at: number) {
    this.sentAt.set(event.key, at);
    if (event.kind !== "inbound") return;
    const match = previewToken.exec(event.text);
    if (!match) return;
    const pending = this.pendingInbound.get(event.customer.waId) ?? [];
    pending.push({ key: event.key, tag: match[1]!, seq: Number(match[2]) });
    this.pendingInbound.set(event.customer.waId, pending);
  }

  /**
   * A conversation showing a customer's message: that message is stored, and so is every earlier
   * one of theirs (one customer's messages are processed in arrival order, and a conversation event
   * carries the latest preview only, so several messages stored together show as one event).
   */
  observeInbound(customer: string, tag: string, seq: number, at: number) {
    const pending = this.pendingInbound.get(customer);
    if (!pending) return;
    const waiting = pending.filter((item) => {
      if (item.tag !== tag || item.seq > seq) return true;
      this.observe(item.key, at);
      return false;
    });
    this.pendingInbound.set(customer, waiting);
  }

  observe(key: string, at: number) {
    const sent = this.sentAt.get(key);
    if (sent === undefined || this.latencies.has(key)) return;
    this.latencies.set(key, at - sent);
  }

  /** Latencies of the given keys (the accepted events); those never seen count as missing. */
  summary(keys: string[]): Summary & { missing: number } {
    const values: number[] = [];
    let missing = 0;
    for (const key of keys) {
      const latency = this.latencies.get(key);
      if (latency === undefined) missing++;
      else values.push(latency);
    }
    return { ...summarize(values), missing };
  }

  observedCount(keys: string[]): number {
    return keys.filter((key) => this.latencies.has(key)).length;
  }
}

export class SocketFleet {
  private readonly sockets: AgentSocket[] = [];
  private tracker: LatencyTracker | null = null;
  frames = 0;

  /** Connects one socket per cookie and resolves when every one is connected. */
  async connect(baseUrl: string, cookies: string[]): Promise<void> {
    await Promise.all(
      cookies.map(
        (cookie) =>
          new Promise<void>((resolve, reject) => {
            const socket: AgentSocket = io(baseUrl, {
              path: "/socket.io",
              transports: ["websocket"],
              extraHeaders: { cookie },
              reconnection: false,
            });
            socket.once("connect", () => resolve());
            socket.once("connect_error", (error) => reject(new Error(`socket connect failed: ${error.message}`)));
            socket.on("conversation.created", (conversation) => this.onConversation(conversation));
            socket.on("conversation.updated", (conversation) => this.onConversation(conversation));
            socket.on("message.updated", (message) => this.onMessage(message));
            this.sockets.push(socket);
          }),
      ),
    );
  }

  /** Each conversation room gets `watchers` sockets, spread round-robin. */
  async join(conversationIds: string[], watchers = 2): Promise<void> {
    const joins: Promise<void>[] = [];
    conversationIds.forEach((conversationId, index) => {
      for (let copy = 0; copy < Math.min(watchers, this.sockets.length); copy++) {
        const socket = this.sockets[(index * watchers + copy) % this.sockets.length]!;
        joins.push(
          socket
            .timeout(10_000)
            .emitWithAck("conversation.join", conversationId)
            .then((result) => {
              if (!result.ok) throw new Error(`conversation.join ${conversationId} was refused`);
            }),
        );
      }
    });
    await Promise.all(joins);
  }

  track(tracker: LatencyTracker | null) {
    this.tracker = tracker;
  }

  get connected(): number {
    return this.sockets.filter((socket) => socket.connected).length;
  }

  close() {
    for (const socket of this.sockets) socket.close();
  }

  private onConversation(conversation: { lastMessagePreview: string | null; contact: { waId: string | null } }) {
    this.frames++;
    const preview = conversation.lastMessagePreview;
    const match = preview ? previewToken.exec(preview) : null;
    if (!match || !this.tracker) return;
    this.tracker.received++;
    const at = performance.now();
    this.tracker.observe(eventKeys.inbound(match[1]!, Number(match[2])), at);
    if (conversation.contact.waId) this.tracker.observeInbound(conversation.contact.waId, match[1]!, Number(match[2]), at);
  }

  private onMessage(message: { externalId: string | null } & Record<string, unknown>) {
    this.frames++;
    if (!message.externalId || !this.tracker) return;
    this.tracker.received++;
    const at = performance.now();
    for (const [status, field] of Object.entries(receiptFields) as [ReceiptStatus, string][]) {
      if (message[field]) this.tracker.observe(eventKeys.status(message.externalId, status), at);
    }
  }
}
