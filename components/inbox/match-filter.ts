import type { ConversationDto } from "@/lib/inbox/types";
import type { ListFilter } from "@/lib/inbox/list-filter";

const HOUR = 60 * 60 * 1000;

/** Whether a conversation that changed live still belongs in the list the agent is looking at. */
export function matchesFilter(conversation: ConversationDto, filter: ListFilter, userId: string, now = Date.now()): boolean {
  if (filter.assignee === "me" && conversation.assignee?.id !== userId) return false;
  if (filter.assignee === "unassigned" && conversation.assignee) return false;
  if (filter.status !== "ALL" && conversation.status !== filter.status) return false;
  if (filter.label && !conversation.labels.some((label) => label.id === filter.label)) return false;
  if (filter.sort === "waiting" && !conversation.waitingSince) return false;
  if (filter.window) {
    const left = conversation.windowExpiresAt ? new Date(conversation.windowExpiresAt).getTime() - now : 0;
    if (filter.window === "open" && left <= 0) return false;
    if (filter.window === "closing" && (left <= 0 || left > HOUR)) return false;
    if (filter.window === "closed" && left > 0) return false;
  }
  return true;
}
