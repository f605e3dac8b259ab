import type { MessageDto } from "../../lib/conversations/types";

/** A MessageDto for render tests: an inbound text unless overridden. */
export function messageDto(overrides: Partial<MessageDto> = {}): MessageDto {
  return {
    id: "00000000-0000-4000-8000-000000000001",
    conversationId: "conversation-1",
    direction: "INBOUND",
    type: "text",
    text: null,
    content: {},
    externalId: "wamid.test",
    status: "RECEIVED",
    timestamp: "2026-01-10T10:00:00.000Z",
    sentAt: null,
    deliveredAt: null,
    readAt: null,
    failedAt: null,
    error: null,
    sender: null,
    media: null,
    reactions: [],
    quoted: null,
    forwarded: false,
    frequentlyForwarded: false,
    edited: false,
    deleted: false,
    receivedWhileBlocked: false,
    activity: null,
    ...overrides,
  };
}
