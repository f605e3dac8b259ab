"use client";

import type { ContactDetailsDto } from "@/lib/contacts/contact-details";
import type { Rate } from "@/lib/billing/estimate-cost";
import type { ConversationFilter } from "@/lib/inbox/conversation-filter";
import type { TemplateDto } from "@/lib/inbox/list-templates";
import type { SendInput } from "@/lib/inbox/outbound-schema";
import type { ConversationDto, LabelDto, MessageDto, NotificationDto } from "@/lib/inbox/types";
// The browser's side of the JSON API: the list, the thread, sending, assignment, labels, notes,
// contacts, notifications. Errors carry the server's readable message.

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly status: number,
  ) {
    super(message);
  }
}

async function call<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, { ...init, headers: { "content-type": "application/json", ...init?.headers }, cache: "no-store" });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    throw new ApiError(body?.error?.message ?? `Request failed (${response.status})`, body?.error?.code ?? "ERROR", response.status);
  }
  return body as T;
}

const json = (method: string, body: unknown): RequestInit => ({ method, body: JSON.stringify(body) });

export type Teammate = { id: string; name: string; role: string; online: boolean; teams: { id: string; name: string }[] };
export type CannedResponse = { id: string; shortcut: string; title: string; body: string };
export type ConversationPatch = {
  status?: ConversationDto["status"];
  snoozedUntil?: string;
  assigneeId?: string | null;
  teamId?: string | null;
  labelIds?: string[];
  markRead?: boolean;
};

export const workspaceApi = {
  conversation: (conversationId: string) => call<ConversationDto>(`/api/conversations/${conversationId}`),
  send: (conversationId: string, input: SendInput) =>
    call<MessageDto>(`/api/conversations/${conversationId}/messages`, json("POST", input)),
  retry: (conversationId: string, messageId: string) =>
    call<MessageDto>(`/api/conversations/${conversationId}/messages/${messageId}/retry`, { method: "POST" }),
  upload: async (conversationId: string, file: File) => {
    const form = new FormData();
    form.set("file", file);
    const response = await fetch(`/api/conversations/${conversationId}/media`, { method: "POST", body: form });
    const body = await response.json().catch(() => null);
    if (!response.ok)
      throw new ApiError(body?.error?.message ?? `Upload failed (${response.status})`, body?.error?.code ?? "ERROR", response.status);
    return body as { id: string; fileName: string };
  },
  typing: (conversationId: string) => call<{ sent: boolean }>(`/api/conversations/${conversationId}/typing`, { method: "POST" }),
  templates: () => call<{ items: TemplateDto[] }>("/api/templates"),
  flows: () => call<{ items: { id: string; channelId: string; name: string; cta: string }[] }>("/api/flows"),
  rates: () => call<{ items: Rate[] }>("/api/rate-card"),
  list: (filter: ConversationFilter) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(filter)) if (value !== undefined && value !== "") params.set(key, String(value));
    return call<{ items: ConversationDto[]; nextCursor: string | null }>(`/api/conversations?${params}`);
  },
  messages: (conversationId: string, cursor?: string) =>
    call<{ items: MessageDto[]; nextCursor: string | null }>(
      `/api/conversations/${conversationId}/messages${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ""}`,
    ),
  patch: (conversationId: string, changes: ConversationPatch) =>
    call<ConversationDto>(`/api/conversations/${conversationId}`, json("PATCH", changes)),
  note: (conversationId: string, text: string, mentions: string[]) =>
    call<MessageDto>(`/api/conversations/${conversationId}/messages`, json("POST", { note: { text, mentions } })),
  labels: () => call<{ items: LabelDto[] }>("/api/labels"),
  teammates: () => call<{ users: Teammate[]; teams: { id: string; name: string }[] }>("/api/teammates"),
  canned: () => call<{ items: CannedResponse[] }>("/api/canned-responses"),
  contact: (contactId: string) => call<ContactDetailsDto>(`/api/contacts/${contactId}`),
  updateContact: (contactId: string, changes: Partial<Pick<ContactDetailsDto, "name" | "language" | "attributes" | "notes">>) =>
    call<ContactDetailsDto>(`/api/contacts/${contactId}`, json("PATCH", changes)),
  block: (contactId: string, blocked: boolean, reason: string) =>
    call<{ blocked: boolean; atMeta: boolean; notice: string | null }>(
      `/api/contacts/${contactId}/block`,
      json(blocked ? "POST" : "DELETE", { reason }),
    ),
  spam: (contactId: string, spam: boolean, reason: string) =>
    call<{ spam: boolean }>(`/api/contacts/${contactId}/spam`, json(spam ? "POST" : "DELETE", { reason })),
  notifications: () => call<{ items: NotificationDto[]; unread: number }>("/api/notifications"),
  readNotifications: (ids?: string[]) => call<{ ok: true }>("/api/notifications", json("PATCH", ids ? { ids } : {})),
};
