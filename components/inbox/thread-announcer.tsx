"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type { MessageDto } from "@/lib/conversations/types";

/**
 * Says a customer's new message aloud to screen readers, politely (after what they are reading),
 * without moving focus. Only messages that arrive while the thread is open: not the first page,
 * not older pages loaded above, not the agent's own sends.
 */
export function ThreadAnnouncer({
  conversationId,
  customer,
  messages,
}: {
  conversationId: string;
  customer: string;
  messages: MessageDto[];
}) {
  const t = useTranslations("thread");
  const last = messages.at(-1);
  const [seen, setSeen] = useState({ conversationId, lastId: last?.id });
  const [announcement, setAnnouncement] = useState("");
  if (seen.conversationId !== conversationId || seen.lastId !== last?.id) {
    setSeen({ conversationId, lastId: last?.id });
    const arrived = seen.conversationId === conversationId && seen.lastId !== undefined;
    if (arrived && last?.direction === "INBOUND")
      setAnnouncement(t("announce", { customer, text: last.text ?? t("type", { type: last.type }) }));
  }
  return (
    <div role="status" aria-live="polite" aria-atomic="true" className="sr-only" data-testid="thread-announcer">
      {announcement}
    </div>
  );
}
