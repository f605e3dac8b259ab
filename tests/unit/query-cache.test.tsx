import { focusManager, InfiniteQueryObserver, QueryClient, QueryObserver } from "@tanstack/react-query";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { applyConversationEvent, refetchAfterReconnect, upsertMessage } from "@/components/api/cache";
import { keys, queries } from "@/components/api/queries";
import type { ConversationDto } from "@/lib/conversations/types";
import { messageDto } from "../support/message-dto";

// The inbox's client data layer with a fetch the test answers by hand: which answer lands where,
// how often shared lists are fetched, and when a toast is due.

type Pending = { url: string; answer: (body: unknown) => void };
let pending: Pending[];
let requested: string[];

beforeEach(() => {
  pending = [];
  requested = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(
      (url: string) =>
        new Promise<Response>((resolve) => {
          requested.push(url);
          pending.push({ url, answer: (body) => resolve(new Response(JSON.stringify(body), { status: 200 })) });
        }),
    ),
  );
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
  focusManager.setFocused(undefined);
});

/** Answers the first waiting request whose URL contains `part`. */
async function answer(part: string, body: unknown) {
  await vi.waitFor(() => expect(pending.some((p) => p.url.includes(part))).toBe(true));
  const index = pending.findIndex((p) => p.url.includes(part));
  pending.splice(index, 1)[0].answer(body);
  await new Promise((resolve) => setTimeout(resolve, 0));
}

const page = (conversationId: string, ids: string[], nextCursor: string | null = null) => ({
  items: ids.map((id) => messageDto({ id, conversationId, text: `${conversationId}:${id}` })),
  nextCursor,
});

/** The message ids an observer (what the thread pane renders) currently holds. */
function shownIds(observer: { getCurrentResult(): { data?: { pages: { items: { id: string }[] }[] } } }): string[] {
  return observer.getCurrentResult().data?.pages.flatMap((p) => p.items.map((m) => m.id)) ?? [];
}

describe("a thread's messages are keyed by its conversation", () => {
  it("a slow first page for A, answered after the agent opened B, never shows in B", async () => {
    const client = new QueryClient();
    const observer = new InfiniteQueryObserver(client, queries.messages("A"));
    const stop = observer.subscribe(() => {});
    observer.setOptions(queries.messages("B"));
    await answer("/conversations/B/", page("B", ["b1", "b2"]));
    await answer("/conversations/A/", page("A", ["a1"]));

    expect(shownIds(observer)).toEqual(["b1", "b2"]);
    expect(client.getQueryData<{ pages: unknown[] }>(keys.messages("A"))?.pages).toHaveLength(1);
    stop();
  });

  it("older messages asked for in A and answered after switching land in A, not in B", async () => {
    const client = new QueryClient();
    const a = new InfiniteQueryObserver(client, queries.messages("A"));
    const stopA = a.subscribe(() => {});
    await answer("/conversations/A/", page("A", ["a2"], "cursor-a"));
    const older = a.fetchNextPage();
    stopA();
    const b = new InfiniteQueryObserver(client, queries.messages("B"));
    const stopB = b.subscribe(() => {});
    await answer("/conversations/B/", page("B", ["b1"]));
    await answer("cursor=cursor-a", page("A", ["a1"]));
    await older;

    expect(shownIds(b)).toEqual(["b1"]);
    expect(client.getQueryData<{ pages: { items: { id: string }[] }[] }>(keys.messages("A"))?.pages.map((p) => p.items[0].id)).toEqual([
      "a2",
      "a1",
    ]);
    stopB();
  });

  it("a socket message goes to its own conversation's thread, once", async () => {
    const client = new QueryClient();
    const b = new InfiniteQueryObserver(client, queries.messages("B"));
    const stop = b.subscribe(() => {});
    await answer("/conversations/B/", page("B", ["b1"]));
    upsertMessage(client, messageDto({ id: "a9", conversationId: "A", timestamp: "2026-01-10T11:00:00.000Z" }));
    const late = messageDto({ id: "b2", conversationId: "B", timestamp: "2026-01-10T11:00:00.000Z" });
    upsertMessage(client, late);
    upsertMessage(client, { ...late, status: "READ" });

    expect(shownIds(b)).toEqual(["b1", "b2"]);
    expect(client.getQueryData(keys.messages("A"))).toBeUndefined();
    stop();
  });
});

describe("shared lists", () => {
  it("templates are fetched once per session, however often pickers come and go or the socket reconnects", async () => {
    const client = new QueryClient();
    for (let switchTo = 0; switchTo < 3; switchTo++) {
      const observer = new QueryObserver(client, queries.templates());
      const stop = observer.subscribe(() => {});
      if (switchTo === 0) await answer("/api/templates", { items: [] });
      await refetchAfterReconnect(client);
      stop();
    }
    expect(requested.filter((url) => url === "/api/templates")).toHaveLength(1);
  });

  it("labels, teammates and canned replies are fetched again when the agent returns to the window", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const client = new QueryClient();
    // As the provider does: the client listens for focus and reconnection.
    client.mount();
    const stops = [queries.labels(), queries.teammates(), queries.canned()].map((options) =>
      new QueryObserver(client, options as ReturnType<typeof queries.labels>).subscribe(() => {}),
    );
    await answer("/api/labels", { items: [] });
    await answer("/api/teammates", { users: [], teams: [] });
    await answer("/api/canned-responses", { items: [] });
    vi.setSystemTime(Date.now() + 60_000);
    focusManager.setFocused(false);
    focusManager.setFocused(true);

    await vi.waitFor(() => expect(requested.filter((url) => /labels|teammates|canned/.test(url))).toHaveLength(6));
    stops.forEach((stop) => stop());
    client.unmount();
  });

  it("labels are fetched again after a reconnection", async () => {
    const client = new QueryClient();
    const stop = new QueryObserver(client, queries.labels()).subscribe(() => {});
    await answer("/api/labels", { items: [] });
    void refetchAfterReconnect(client);
    await answer("/api/labels", { items: [{ id: "l1", name: "vip", color: "#000" }] });

    expect(client.getQueryData(keys.labels)).toEqual({ items: [{ id: "l1", name: "vip", color: "#000" }] });
    stop();
  });
});

describe("the new-message toast", () => {
  const conversation = (unreadCount: number, assignee: string | null = "me"): ConversationDto => ({
    id: "c1",
    inboxId: "in",
    channelId: "ch",
    channel: { kind: "whatsapp", humanAgent: false },
    messengerWindow: null,
    status: "OPEN",
    contact: {
      id: "k1",
      name: "Jonas",
      displayName: "Jonas",
      waId: "4917",
      bsuid: null,
      psid: null,
      username: null,
      avatarMediaId: null,
      language: null,
    },
    assignee: assignee ? { id: assignee, name: assignee } : null,
    team: null,
    labels: [],
    snoozedUntil: null,
    waitingSince: null,
    unreadCount,
    lastMessageAt: "2026-01-10T10:00:00.000Z",
    lastMessagePreview: "Hello",
    lastInboundAt: null,
    windowExpiresAt: null,
    billingWindow: { kind: "customer_service", expiresAt: null, freeEntryPointOfferExpiresAt: null },
    billing: { category: null, type: null, billable: null },
    referral: null,
  });

  it("is due once per new message, even when the event arrives twice", () => {
    const client = new QueryClient();
    client.setQueryData(keys.conversation("c1"), conversation(0));
    const context = { me: "me", openId: null };

    expect(applyConversationEvent(client, conversation(1), context)).toEqual({ name: "Jonas", preview: "Hello" });
    expect(applyConversationEvent(client, conversation(1), context)).toBeNull();
    expect(applyConversationEvent(client, conversation(2), context)).toEqual({ name: "Jonas", preview: "Hello" });
  });

  it("is not due for the open conversation or someone else's", () => {
    const client = new QueryClient();
    client.setQueryData(keys.conversation("c1"), conversation(0));
    expect(applyConversationEvent(client, conversation(1), { me: "me", openId: "c1" })).toBeNull();
    expect(applyConversationEvent(client, conversation(2, "other"), { me: "me", openId: null })).toBeNull();
  });
});
