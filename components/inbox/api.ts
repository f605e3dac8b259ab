"use client";

import type { ConversationDto, MessageDto } from "@/lib/inbox/types";

// The browser's side of the JSON API. Errors carry the server's readable message.

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly status: number,
  ) {
    super(message);
  }
}

async function request<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, {
    ...init,
    headers: { "content-type": "application/json", ...init?.headers },
    cache: "no-store",
  });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    throw new ApiError(body?.error?.message ?? `Request failed (${response.status})`, body?.error?.code ?? "ERROR", response.status);
  }
  return body as T;
}

export type AssigneeFilter = "all" | "me" | "unassigned";

export const api = {
  conversations: (assignee: AssigneeFilter) =>
    request<{ items: ConversationDto[]; nextCursor: string | null }>(`/api/conversations?assignee=${assignee}`),
  messages: (conversationId: string) =>
    request<{ items: MessageDto[]; nextCursor: string | null }>(`/api/conversations/${conversationId}/messages`),
  send: (conversationId: string, text: string) =>
    request<MessageDto>(`/api/conversations/${conversationId}/messages`, { method: "POST", body: JSON.stringify({ text }) }),
  update: (conversationId: string, changes: { status?: string; assigneeId?: string | null; markRead?: boolean }) =>
    request<ConversationDto>(`/api/conversations/${conversationId}`, { method: "PATCH", body: JSON.stringify(changes) }),
};
