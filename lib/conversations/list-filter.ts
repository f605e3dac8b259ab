import type { ConversationFilter } from "./conversation-filter";

/** The filters the inbox page's list is always given; it opens on everyone's open conversations. */
export type ListFilter = Required<Pick<ConversationFilter, "assignee" | "status" | "sort">> &
  Pick<ConversationFilter, "label" | "window" | "q" | "channel">;

export const defaultFilter: ListFilter = { assignee: "all", status: "OPEN", sort: "recent" };
