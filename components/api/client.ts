"use client";

import type { Rate } from "@/lib/billing/estimate-cost";
import type { ConversationFilter } from "@/lib/conversations/conversation-filter";
import type { TemplateDto } from "@/lib/conversations/list-templates";
import type { SendInput } from "@/lib/conversations/outbound-schema";
import type { ConversationDto, MessageDto } from "@/lib/conversations/types";
import type {
  ConversationStats,
  CostStats,
  DrillDownPage,
  drillDownSchema,
  FailureStats,
  LiveStats,
  MessageStats,
  statsQuerySchema,
} from "@/lib/stats/contract";
import type { AccountDto, IssuedLink, UserRow, UsersOverview } from "@/lib/users/types";
import type { FlowDto } from "@/lib/whatsapp/flows";
import type { z } from "zod";
import type {
  AcceptInviteInput,
  AcceptInviteResult,
  AddChannelBody,
  AssignmentChanges,
  AssignmentResult,
  AuditLogPage,
  AuditVerificationResult,
  BlockOutcome,
  BlueTickInput,
  NumberHealth,
  ProfileChangeInput,
  ProfileOverview,
  ProfileRestoreResult,
  ProfileSaveResult,
  SimulatorBusiness,
  SimulatorNumberControls,
  SimulatorPage,
  MessengerChat,
  MessengerSimEvent,
  MessengerSimResult,
  CannedResponse,
  ChannelDto,
  ChangePasswordInput,
  ChangePasswordResult,
  ContactChanges,
  ContactDetails,
  CostRefresh,
  ConversationPage,
  ConversationPatch,
  CustomerPhoneSettings,
  DeadLetterRetry,
  FlowInput,
  InviteInput,
  InviteResult,
  LinkCandidate,
  Labels,
  MessagePage,
  Notifications,
  RateCardInput,
  ResetPasswordInput,
  ResetPasswordResult,
  SetupInput,
  SetupResult,
  SimulatedMessage,
  SimulatorCustomer,
  SimulatorSendResult,
  Teammates,
  UpdateAccountInput,
  UpdateChannelBody,
  UpdateUserInput,
  WebhookBacklog,
  WebhookReplayOutcome,
} from "./types";

// The browser's one client of the JSON API: the inbox, the settings and users pages, the account
// and the pages reached from a setup, invitation or reset link, and the simulator. Every call is
// typed by the server's own shapes. Every request says it is JSON: the server's edge refuses a
// state-changing call with a body of any other type (file uploads aside).

export type FieldProblem = { path?: string; message: string };

/**
 * A refusal, as the server words it in `{ error: { code, message, details } }`. When the answer
 * carried no such body (a proxy's error page, say), `explained` is false and the message is generic.
 */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly status: number,
    readonly details?: FieldProblem[],
    readonly explained = true,
    /** One sentence per form field, from the routes whose forms show problems beside each field. */
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }
}

/** The server's sentence for a refusal when it gave one, else `fallback` (also for a lost connection). */
export function failureText(error: unknown, fallback: string): string {
  return error instanceof ApiError && error.explained ? error.message : fallback;
}

async function read<T>(response: Response): Promise<T> {
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const error = body?.error;
    if (typeof error?.message !== "string") {
      throw new ApiError(`Something went wrong (HTTP ${response.status}). Try again.`, "ERROR", response.status, undefined, false);
    }
    throw new ApiError(
      error.message,
      error.code ?? "ERROR",
      response.status,
      Array.isArray(error.details) ? error.details : undefined,
      true,
      error.fields && typeof error.fields === "object" ? (error.fields as Record<string, string>) : undefined,
    );
  }
  return body as T;
}

async function call<T>(url: string, init?: RequestInit): Promise<T> {
  return read<T>(await fetch(url, { ...init, headers: { "content-type": "application/json", ...init?.headers }, cache: "no-store" }));
}

/** The statistics API's query as the URL carries it: ISO instants, comma lists for the filters. */
export type StatsParams = z.input<typeof statsQuerySchema>;
export type DrillDown = z.input<typeof drillDownSchema>;

/** The query string of a statistics call; empty values are left out. */
export function statsSearch(params: Partial<StatsParams & DrillDown>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== "") search.set(key, String(value));
  return search.toString();
}

/** Where a statistics table downloads as CSV: a plain link, so the browser saves it. */
export const statsCsvUrl = (path: "messages" | "conversations" | "failures" | "cost", params: StatsParams) =>
  `/api/stats/${path}?${statsSearch({ ...params, format: "csv" })}`;

export const statsExportUrl = (params: StatsParams) => `/api/stats/messages/export?${statsSearch(params)}`;

const json = (method: string, body: unknown): RequestInit => ({ method, body: JSON.stringify(body) });
const post = { method: "POST" } satisfies RequestInit;

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
    call<MessageDto>(`/api/conversations/${conversationId}/messages/${messageId}/retry`, post),
  discard: (conversationId: string, messageId: string) =>
    call<MessageDto>(`/api/conversations/${conversationId}/messages/${messageId}/discard`, post),
  // A file goes up as multipart, so the JSON content type is not set here.
  upload: async (conversationId: string, file: File) => {
    const form = new FormData();
    form.set("file", file);
    return read<{ id: string; fileName: string }>(
      await fetch(`/api/conversations/${conversationId}/media`, { method: "POST", body: form }),
    );
  },
  typing: (conversationId: string) => call<{ sent: boolean }>(`/api/conversations/${conversationId}/typing`, post),
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
  linkCandidates: (contactId: string, q: string) =>
    call<{ items: LinkCandidate[] }>(`/api/contacts/${contactId}/link?${new URLSearchParams({ q })}`),
  link: (contactId: string, otherId: string) =>
    call<ContactDetails>(`/api/contacts/${contactId}/link`, json("POST", { contactId: otherId })),
  unlink: (contactId: string) => call<ContactDetails>(`/api/contacts/${contactId}/link`, { method: "DELETE" }),
  spam: (contactId: string, spam: boolean, reason: string) =>
    call<unknown>(`/api/contacts/${contactId}/spam`, json(spam ? "POST" : "DELETE", { reason })),
  notifications: () => call<Notifications>("/api/notifications"),
  readNotifications: (ids?: string[]) => call<unknown>("/api/notifications", json("PATCH", ids ? { ids } : {})),
  // The filter as the API names it (see lib/audit/audit-filter.ts), already in URL form.
  auditLog: (filter: URLSearchParams, cursor?: string) => {
    const params = new URLSearchParams(filter);
    if (cursor) params.set("cursor", cursor);
    return call<AuditLogPage>(`/api/audit?${params}`);
  },
  stats: {
    messages: (params: StatsParams) => call<MessageStats>(`/api/stats/messages?${statsSearch(params)}`),
    conversations: (params: StatsParams) => call<ConversationStats>(`/api/stats/conversations?${statsSearch(params)}`),
    failures: (params: StatsParams) => call<FailureStats>(`/api/stats/failures?${statsSearch(params)}`),
    live: (tz: string) => call<LiveStats>(`/api/stats/live?${statsSearch({ tz })}`),
    cost: (params: StatsParams) => call<CostStats>(`/api/stats/cost?${statsSearch(params)}`),
    list: (params: StatsParams & DrillDown) => call<DrillDownPage>(`/api/stats/messages/list?${statsSearch(params)}`),
    refreshCost: (params: StatsParams) => call<CostRefresh>(`/api/stats/cost/refresh?${statsSearch(params)}`, post),
  },
  settings: {
    assignment: (changes: AssignmentChanges) => call<AssignmentResult>("/api/settings/assignment", json("PATCH", changes)),
    rates: (rates: RateCardInput) => call<{ items: Rate[] }>("/api/rate-card", json("PUT", { rates })),
    addFlow: (flow: FlowInput) => call<FlowDto>("/api/flows", json("POST", flow)),
    removeFlow: (flowId: string) => call<{ ok: true }>(`/api/flows/${flowId}`, { method: "DELETE" }),
    replayWebhook: (eventId: string) => call<WebhookReplayOutcome>(`/api/webhook-events/${eventId}/replay`, post),
    retryDeadLetter: (deadLetterId: string) => call<DeadLetterRetry>(`/api/dead-letters/${deadLetterId}/retry`, post),
    webhookBacklog: () => call<WebhookBacklog>("/api/webhook-events/backlog"),
    verifyAudit: () => call<AuditVerificationResult>("/api/audit/verify", post),
    dismissAlert: (alertId: string) => call<{ ok: true }>(`/api/channel-alerts/${alertId}/dismiss`, post),
  },
  channels: {
    list: () => call<{ items: ChannelDto[] }>("/api/channels"),
    add: (input: AddChannelBody) => call<ChannelDto>("/api/channels", json("POST", input)),
    update: (channelId: string, changes: UpdateChannelBody) => call<ChannelDto>(`/api/channels/${channelId}`, json("PATCH", changes)),
    profile: (channelId: string, refresh = false) =>
      call<ProfileOverview>(`/api/channels/${channelId}/profile${refresh ? "?refresh=true" : ""}`),
    saveProfile: (channelId: string, change: ProfileChangeInput) =>
      call<ProfileSaveResult>(`/api/channels/${channelId}/profile`, json("PATCH", change)),
    // A cropped photo goes up as multipart, so the JSON content type is not set here.
    uploadPhoto: async (channelId: string, photo: Blob) => {
      const form = new FormData();
      form.set("file", photo, photo.type === "image/png" ? "profile.png" : "profile.jpg");
      return read<{ handle: string }>(await fetch(`/api/channels/${channelId}/profile/photo`, { method: "POST", body: form }));
    },
    restoreVersion: (channelId: string, versionId: string) =>
      call<ProfileRestoreResult>(`/api/channels/${channelId}/profile/versions/${versionId}/restore`, post),
    resolveDrift: (channelId: string, resolve: "adopt" | "overwrite") =>
      call<ProfileSaveResult>(`/api/channels/${channelId}/profile/drift`, json("POST", { resolve })),
    health: (channelId: string) => call<NumberHealth>(`/api/channels/${channelId}/health`),
    requestName: (channelId: string, name: string) =>
      call<{ requested: string }>(`/api/channels/${channelId}/number/display-name`, json("POST", { name })),
    requestBlueTick: (channelId: string, request: BlueTickInput) =>
      call<{ requested: true }>(`/api/channels/${channelId}/number/official-business-account`, json("POST", request)),
    setPin: (channelId: string, pin: string, password: string) =>
      call<{ set: true }>(`/api/channels/${channelId}/number/two-step-pin`, json("POST", { pin, password })),
  },
  users: {
    list: () => call<UsersOverview>("/api/users"),
    update: (userId: string, changes: UpdateUserInput) => call<UserRow>(`/api/users/${userId}`, json("PATCH", changes)),
    deactivate: (userId: string) => call<UserRow>(`/api/users/${userId}/deactivate`, post),
    reactivate: (userId: string) => call<UserRow>(`/api/users/${userId}/reactivate`, post),
    passwordReset: (userId: string) => call<IssuedLink>(`/api/users/${userId}/password-reset`, post),
    invite: (input: InviteInput) => call<InviteResult>("/api/invites", json("POST", input)),
    revokeInvite: (inviteId: string) => call<{ ok: true }>(`/api/invites/${inviteId}`, { method: "DELETE" }),
  },
  account: {
    update: (changes: UpdateAccountInput) => call<AccountDto>("/api/account", json("PATCH", changes)),
    changePassword: (input: ChangePasswordInput) => call<ChangePasswordResult>("/api/account/password", json("POST", input)),
    signOutEverywhere: () => call<{ ok: true }>("/api/account/sign-out-everywhere", post),
  },
  // The pages opened from a link, before there is a session: the token in the body is the permission.
  // Their forms call these directly: those pages have no query cache, and each ends in a full load.
  links: {
    setup: (input: SetupInput) => call<SetupResult>("/api/setup", json("POST", input)),
    acceptInvite: (input: AcceptInviteInput) => call<AcceptInviteResult>("/api/invites/accept", json("POST", input)),
    resetPassword: (input: ResetPasswordInput) => call<ResetPasswordResult>("/api/password-reset", json("POST", input)),
  },
  simulator: {
    customers: () => call<{ items: SimulatorCustomer[] }>("/api/simulator/customers"),
    thread: (waId: string) => call<{ items: SimulatedMessage[] }>(`/api/simulator/customers/${waId}/messages`),
    send: (waId: string, message: Record<string, unknown>) =>
      call<SimulatorSendResult>(`/api/simulator/customers/${waId}/messages`, json("POST", message)),
    settings: (waId: string) => call<CustomerPhoneSettings>(`/api/simulator/customers/${waId}`),
    updateSettings: (waId: string, changes: { readsMessages: boolean }) =>
      call<CustomerPhoneSettings>(`/api/simulator/customers/${waId}`, json("PATCH", changes)),
    business: () => call<SimulatorBusiness>("/api/simulator/business"),
    page: () => call<SimulatorPage>("/api/simulator/messenger"),
    setPage: (changes: { humanAgent: boolean }) => call<SimulatorPage>("/api/simulator/messenger", json("PATCH", changes)),
    messengerChat: (psid: string) => call<MessengerChat>(`/api/simulator/messenger/${psid}`),
    messengerSend: (psid: string, event: MessengerSimEvent & { name: string }) =>
      call<MessengerSimResult>(`/api/simulator/messenger/${psid}`, json("POST", event)),
    messengerSettings: (psid: string, changes: { readsMessages: boolean }) =>
      call<MessengerChat["settings"]>(`/api/simulator/messenger/${psid}`, json("PATCH", changes)),
    number: () => call<SimulatorNumberControls>("/api/simulator/number"),
    changeNumber: (changes: { quality?: string; limit?: string }) =>
      call<SimulatorNumberControls>("/api/simulator/number", json("PATCH", changes)),
  },
};
