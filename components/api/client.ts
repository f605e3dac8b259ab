"use client";

import type { Rate } from "@/lib/billing/estimate-cost";
import type { ConversationFilter } from "@/lib/conversations/conversation-filter";
import type { TemplateDto } from "@/lib/conversations/list-templates";
import type { SendInput } from "@/lib/conversations/outbound-schema";
import type { ConversationDto, MessageDto } from "@/lib/conversations/types";
import type { FlowDto } from "@/lib/whatsapp/flows";
import type {
  BlockOutcome,
  CannedResponse,
  ContactChanges,
  ContactDetails,
  ConversationPage,
  ConversationPatch,
  CustomerPhoneSettings,
  Labels,
  MessagePage,
  Notifications,
  SimulatedMessage,
  SimulatorCustomer,
  SimulatorSendResult,
  Teammates,
} from "./types";

// The browser's one client of the JSON API: the inbox, the settings pages and the simulator. Every
// call is typed by the server's own shapes; errors carry the server's readable message.

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly status: number,
    readonly details?: { path?: string; message: string }[],
  ) {
    super(message);
  }
}

async function read<T>(response: Response): Promise<T> {
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const error = body?.error;
    throw new ApiError(error?.message ?? `Request failed (${response.status})`, error?.code ?? "ERROR", response.status, error?.details);
  }
  return body as T;
}

async function call<T>(url: string, init?: RequestInit): Promise<T> {
  return read<T>(await fetch(url, { ...init, headers: { "content-type": "application/json", ...init?.headers }, cache: "no-store" }));
}

const json = (method: string, body: unknown): RequestInit => ({ method, body: JSON.stringify(body) });

export const api = {
  conversations: (filter: ConversationFilter) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(filter)) if (value !== undefined && value !== "") params.set(key, String(value));
    return call<ConversationPage>(`/api/conversations?${params}`);
  },
  conversation: (conversationId: string) => call<ConversationDto>(`/api/conversations/${conversationId}`),
  patch: (conversationId: string, changes: ConversationPatch) =>
    call<ConversationDto>(`/api/conversations/${conversationId}`, json("PATCH", changes)),
  messages: (conversationId: string, cursor?: string) =>
    call<MessagePage>(`/api/conversations/${conversationId}/messages${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ""}`),
  send: (conversationId: string, input: SendInput) =>
    call<MessageDto>(`/api/conversations/${conversationId}/messages`, json("POST", input)),
  note: (conversationId: string, text: string, mentions: string[]) =>
    call<MessageDto>(`/api/conversations/${conversationId}/messages`, json("POST", { note: { text, mentions } })),
  retry: (conversationId: string, messageId: string) =>
    call<MessageDto>(`/api/conversations/${conversationId}/messages/${messageId}/retry`, { method: "POST" }),
  // A file goes up as multipart, so the JSON content type is not set here.
  upload: async (conversationId: string, file: File) => {
    const form = new FormData();
    form.set("file", file);
    return read<{ id: string; fileName: string }>(
      await fetch(`/api/conversations/${conversationId}/media`, { method: "POST", body: form }),
    );
  },
  typing: (conversationId: string) => call<{ sent: boolean }>(`/api/conversations/${conversationId}/typing`, { method: "POST" }),
  templates: () => call<{ items: TemplateDto[] }>("/api/templates"),
  flows: () => call<{ items: FlowDto[] }>("/api/flows"),
  rates: () => call<{ items: Rate[] }>("/api/rate-card"),
  labels: () => call<{ items: Labels }>("/api/labels"),
  teammates: () => call<Teammates>("/api/teammates"),
  canned: () => call<{ items: CannedResponse[] }>("/api/canned-responses"),
  contact: (contactId: string) => call<ContactDetails>(`/api/contacts/${contactId}`),
  updateContact: (contactId: string, changes: ContactChanges) => call<ContactDetails>(`/api/contacts/${contactId}`, json("PATCH", changes)),
  block: (contactId: string, blocked: boolean, reason: string) =>
    call<BlockOutcome>(`/api/contacts/${contactId}/block`, json(blocked ? "POST" : "DELETE", { reason })),
  spam: (contactId: string, spam: boolean, reason: string) =>
    call<unknown>(`/api/contacts/${contactId}/spam`, json(spam ? "POST" : "DELETE", { reason })),
  notifications: () => call<Notifications>("/api/notifications"),
  readNotifications: (ids?: string[]) => call<unknown>("/api/notifications", json("PATCH", ids ? { ids } : {})),
  simulator: {
    customers: () => call<{ items: SimulatorCustomer[] }>("/api/simulator/customers"),
    thread: (waId: string) => call<{ items: SimulatedMessage[] }>(`/api/simulator/customers/${waId}/messages`),
    send: (waId: string, message: Record<string, unknown>) =>
      call<SimulatorSendResult>(`/api/simulator/customers/${waId}/messages`, json("POST", message)),
    settings: (waId: string) => call<CustomerPhoneSettings>(`/api/simulator/customers/${waId}`),
    updateSettings: (waId: string, changes: { readsMessages: boolean }) =>
      call<CustomerPhoneSettings>(`/api/simulator/customers/${waId}`, json("PATCH", changes)),
  },
};
