"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { SendInput } from "@/lib/conversations/outbound-schema";
import { api } from "./client";
import { putConversation, upsertMessage } from "./cache";
import { keys } from "./queries";
import type { ContactChanges, ConversationPatch, Notifications } from "./types";

// The writes. Each answer goes into the cache under the id it was made for, whatever is open now.

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

export function useRetryMessage(conversationId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (messageId: string) => api.retry(conversationId, messageId),
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
