"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { SendInput } from "@/lib/conversations/outbound-schema";
import { api, type StatsParams } from "./client";
import { putConversation, upsertMessage } from "./cache";
import { keys } from "./queries";
import type { ContactChanges, ConversationPatch, Notifications, UpdateChannelBody, UpdateUserInput } from "./types";

// The writes. Each answer goes into the cache under the id it was made for, whatever is open now.
// The settings, users and account pages are rendered on the server and ask for themselves again
// after a write (router.refresh()); what the inbox caches from the same data is invalidated here.

export function useUpdateConversation(conversationId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (changes: ConversationPatch) => api.patch(conversationId, changes),
    onSuccess: (conversation) => {
      putConversation(client, conversation);
      // A status, assignee or label change can move it in or out of the lists.
      void client.invalidateQueries({ queryKey: [...keys.conversations, "list"] });
    },
  });
}

export function useSendMessage(conversationId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: SendInput) => api.send(conversationId, input),
    onSuccess: (message) => upsertMessage(client, message),
  });
}

export function useAddNote(conversationId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ text, mentions }: { text: string; mentions: string[] }) => api.note(conversationId, text, mentions),
    onSuccess: (message) => upsertMessage(client, message),
  });
}

/** Retry a failed message, or resend or discard one WhatsApp never confirmed. */
export function useSendAction(conversationId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ messageId, action }: { messageId: string; action: "retry" | "discard" }) =>
      action === "discard" ? api.discard(conversationId, messageId) : api.retry(conversationId, messageId),
    onSuccess: (message) => upsertMessage(client, message),
  });
}

export function useUpdateContact(contactId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (changes: ContactChanges) => api.updateContact(contactId, changes),
    onSuccess: (contact) => client.setQueryData(keys.contact(contactId), contact),
  });
}

/** Link this contact to the same person's contact on another channel, or unlink it. */
export function useLinkContact(contactId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (otherId: string | null) => (otherId ? api.link(contactId, otherId) : api.unlink(contactId)),
    onSuccess: (contact) => client.setQueryData(keys.contact(contactId), contact),
  });
}

/** Block/unblock or spam/not spam, with the reason; the contact is reread for its new state and history. */
export function useContactFlag(contactId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ action, reason }: { action: "block" | "unblock" | "spam" | "unspam"; reason: string }) => {
      if (action === "block" || action === "unblock") return (await api.block(contactId, action === "block", reason)).notice;
      await api.spam(contactId, action === "spam", reason);
      return null;
    },
    onSuccess: () => client.invalidateQueries({ queryKey: keys.contact(contactId) }),
  });
}

export function useReadNotifications() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.readNotifications(),
    onSuccess: () =>
      client.setQueryData<Notifications>(keys.notifications, (data) =>
        data ? { unread: 0, items: data.items.map((n) => ({ ...n, readAt: n.readAt ?? new Date().toISOString() })) } : data,
      ),
  });
}

export const useSaveAssignment = () => useMutation({ mutationFn: api.settings.assignment });

export function useSaveRateCard() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: api.settings.rates,
    // The inbox keeps the rate card for the session; its cost estimates use the new one.
    onSuccess: () => client.invalidateQueries({ queryKey: keys.rates }),
  });
}

export function useAddFlow() {
  const client = useQueryClient();
  return useMutation({ mutationFn: api.settings.addFlow, onSuccess: () => client.invalidateQueries({ queryKey: keys.flows }) });
}

export function useRemoveFlow() {
  const client = useQueryClient();
  return useMutation({ mutationFn: api.settings.removeFlow, onSuccess: () => client.invalidateQueries({ queryKey: keys.flows }) });
}

export const useAddChannel = () => useMutation({ mutationFn: api.channels.add });

export const useUpdateChannel = () =>
  useMutation({
    mutationFn: ({ channelId, changes }: { channelId: string; changes: UpdateChannelBody }) => api.channels.update(channelId, changes),
  });

export const useReplayWebhook = () => useMutation({ mutationFn: api.settings.replayWebhook });

export const useRetryDeadLetter = () => useMutation({ mutationFn: api.settings.retryDeadLetter });

export const useVerifyAudit = () => useMutation({ mutationFn: () => api.settings.verifyAudit() });

// Names, roles and active accounts are what the inbox's assignee and mention pickers list.
export function useUpdateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, changes }: { userId: string; changes: UpdateUserInput }) => api.users.update(userId, changes),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.teammates }),
  });
}

export function useSetUserActive() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, active }: { userId: string; active: boolean }) =>
      active ? api.users.reactivate(userId) : api.users.deactivate(userId),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.teammates }),
  });
}

export const useIssuePasswordReset = () => useMutation({ mutationFn: api.users.passwordReset });

export const useInvite = () => useMutation({ mutationFn: api.users.invite });

export const useRevokeInvite = () => useMutation({ mutationFn: api.users.revokeInvite });

export function useUpdateAccount() {
  const client = useQueryClient();
  return useMutation({ mutationFn: api.account.update, onSuccess: () => client.invalidateQueries({ queryKey: keys.teammates }) });
}

export const useChangePassword = () => useMutation({ mutationFn: api.account.changePassword });

export const useSignOutEverywhere = () => useMutation({ mutationFn: () => api.account.signOutEverywhere() });

/** Fetches Meta's own pricing figures for the range again; the cost answer for the range is replaced. */
export function useRefreshCost() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (params: StatsParams) => api.stats.refreshCost(params),
    onSuccess: ({ problems: _problems, ...cost }, params) => client.setQueryData(keys.stats.cost(params), cost),
  });
}
