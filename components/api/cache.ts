import type { InfiniteData, QueryClient } from "@tanstack/react-query";
import type { ConversationDto, MessageDto, NotificationDto, PresenceDto } from "@/lib/conversations/types";
import { keys } from "./queries";
import type { ConversationPage, MessagePage, Notifications } from "./types";

// How server events and write results land in the query cache. Each write goes to the key of the
// conversation it belongs to, so nothing meant for one thread can appear in another.

type Pages<T> = InfiniteData<T, string | null>;

/** A new or changed message, in its conversation's thread if that thread is cached. */
export function upsertMessage(client: QueryClient, message: MessageDto) {
  client.setQueryData<Pages<MessagePage>>(keys.messages(message.conversationId), (data) => {
    if (!data) return data;
    const at = data.pages.findIndex((page) => page.items.some((m) => m.id === message.id));
    if (at !== -1) {
      const pages = data.pages.map((page, index) =>
        index === at ? { ...page, items: page.items.map((m) => (m.id === message.id ? message : m)) } : page,
      );
      return { ...data, pages };
    }
    // Page 0 holds the newest messages; a new one joins it in time order.
    const [newest, ...older] = data.pages;
    if (!newest) return data;
    const items = [...newest.items, message].sort((a, b) => a.timestamp.localeCompare(b.timestamp));
    return { ...data, pages: [{ ...newest, items }, ...older] };
  });
}

/** The conversation as the cache knew it before this change (its detail, else any list holding it). */
export function cachedConversation(client: QueryClient, id: string): ConversationDto | undefined {
  const detail = client.getQueryData<ConversationDto>(keys.conversation(id));
  if (detail) return detail;
  for (const [, data] of client.getQueriesData<Pages<ConversationPage>>({ queryKey: [...keys.conversations, "list"] })) {
    const found = data?.pages.flatMap((page) => page.items).find((c) => c.id === id);
    if (found) return found;
  }
  return undefined;
}

/**
 * Writes a changed conversation into its detail and into every list that already shows it. Whether
 * it now belongs in a list (filters, search, order) is the server's call: see ListRefresher.
 */
export function putConversation(client: QueryClient, conversation: ConversationDto) {
  client.setQueryData(keys.conversation(conversation.id), conversation);
  client.setQueriesData<Pages<ConversationPage>>({ queryKey: [...keys.conversations, "list"] }, (data) =>
    data?.pages.some((page) => page.items.some((c) => c.id === conversation.id))
      ? {
          ...data,
          pages: data.pages.map((page) => ({ ...page, items: page.items.map((c) => (c.id === conversation.id ? conversation : c)) })),
        }
      : data,
  );
}

/** Whether a change to a conversation deserves a toast: a new message in one of mine that is not open. */
export function isNewMessageForMe({
  previous,
  next,
  me,
  openId,
}: {
  previous: ConversationDto | undefined;
  next: ConversationDto;
  me: string;
  openId: string | null;
}): boolean {
  return !!previous && next.assignee?.id === me && next.unreadCount > previous.unreadCount && next.id !== openId;
}

/**
 * A conversation event from the socket, written into the cache. Returns what the toast names (the
 * customer and the preview; the caller words it), if one is due:
 * decided from the cache as it was before this event, so the same event delivered twice (or a
 * handler run twice) never toasts twice, and never from inside a state updater.
 */
export function applyConversationEvent(
  client: QueryClient,
  conversation: ConversationDto,
  { me, openId }: { me: string; openId: string | null },
): { name: string; preview: string } | null {
  const previous = cachedConversation(client, conversation.id);
  putConversation(client, conversation);
  if (!isNewMessageForMe({ previous, next: conversation, me, openId })) return null;
  return { name: conversation.contact.displayName, preview: conversation.lastMessagePreview ?? "" };
}

export function addNotification(client: QueryClient, notification: NotificationDto) {
  client.setQueryData<Notifications>(keys.notifications, (data) =>
    data ? { items: [notification, ...data.items].slice(0, 50), unread: data.unread + 1 } : data,
  );
}

export const presenceKey = (conversationId: string) => ["presence", conversationId] as const;

export function putPresence(client: QueryClient, presence: PresenceDto) {
  client.setQueryData(presenceKey(presence.conversationId), presence);
}

/**
 * Refetches the conversation lists shortly after changes: the server decides which conversations
 * match the filters (its SQL search and window rules cannot be mirrored in the browser), and a
 * burst of events costs one request, not one per event.
 */
export function listRefresher(client: QueryClient, delayMs = 250) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    schedule() {
      clearTimeout(timer);
      timer = setTimeout(() => void client.invalidateQueries({ queryKey: [...keys.conversations, "list"] }), delayMs);
    },
    cancel() {
      clearTimeout(timer);
    },
  };
}

// Templates, flows and the rate card are fetched once per session; everything else is what the
// screen shows and may have changed while the socket was away.
const sessionLong = new Set<unknown>([keys.templates[0], keys.flows[0], keys.rates[0]]);

export function refetchAfterReconnect(client: QueryClient) {
  return client.invalidateQueries({ predicate: (query) => !sessionLong.has(query.queryKey[0]) });
}

/**
 * Refetches the statistics on screen shortly after the server says they changed: a burst of receipts
 * costs one round of requests. Queries not on screen are only marked stale.
 */
export function statsRefresher(client: QueryClient, delayMs = 300) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    schedule() {
      clearTimeout(timer);
      timer = setTimeout(() => void client.invalidateQueries({ queryKey: keys.stats.all }), delayMs);
    },
    cancel() {
      clearTimeout(timer);
    },
  };
}
