"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type { ChannelSummary, MessageDto } from "@/lib/conversations/types";
import { sendActions } from "@/lib/conversations/send-state";
import { messengerErrorKey } from "@/lib/messenger/error-messages";
import { metaErrorPhrase } from "@/lib/whatsapp/error-messages";

// Under an outbound bubble whose send did not go as planned: why, in words, and what the agent can
// do (docs/architecture.md, "Sending"). Failed: retry. Not confirmed (WhatsApp never answered, so
// it may or may not have arrived): resend or discard. Discarded: said so. WhatsApp's error codes are
// explained in the reader's language (the metaErrors messages); a Messenger failure keeps the
// sentence its send job stored.

export type SendAction = (messageId: string, action: "retry" | "discard") => Promise<void>;

export function SendProblem({
  message,
  channel,
  onSendAction,
}: {
  message: MessageDto;
  channel: ChannelSummary["kind"];
  onSendAction: SendAction;
}) {
  const t = useTranslations("thread");
  const words = useTranslations();
  const [busy, setBusy] = useState<"retry" | "discard" | null>(null);
  const act = async (action: "retry" | "discard") => {
    setBusy(action);
    await onSendAction(message.id, action).finally(() => setBusy(null));
  };
  const can = sendActions(message.status);

  if (message.status === "FAILED") {
    const explained = metaErrorPhrase({ code: message.error?.code, title: message.error?.title });
    const messengerKey = channel === "messenger" ? messengerErrorKey(message.error?.title) : null;
    const reason =
      channel !== "messenger"
        ? words(explained.key, explained.values)
        : messengerKey
          ? words(`metaErrors.messenger.${messengerKey}`)
          : (message.error?.title ?? words("metaErrors.messenger.couldNotSend"));
    return (
      <div
        className="mt-1 flex items-start justify-between gap-2 border-t border-red-200 pt-1 text-xs text-red-700"
        data-testid="message-error"
      >
        <span>
          {t("notDelivered", { reason })}
          {message.error?.code ? ` (${message.error.code})` : ""}
        </span>
        <ActionButton
          label={t("retry")}
          busyLabel={t("retrying")}
          busy={busy === "retry"}
          onClick={() => act("retry")}
          testId="retry-button"
          tone="red"
        />
      </div>
    );
  }
  if (message.status === "UNCONFIRMED") {
    return (
      <div className="mt-1 border-t border-amber-300 pt-1 text-xs text-amber-900" data-testid="message-unconfirmed" role="status">
        <p className="flex items-start gap-1">
          <QuestionIcon />
          <span title={message.error?.title ?? undefined}>
            {t.rich("unconfirmed", {
              channel: channel === "messenger" ? "Messenger" : "WhatsApp",
              strong: (chunks) => <strong>{chunks}</strong>,
            })}
          </span>
        </p>
        <div className="mt-1 flex justify-end gap-1">
          {can.resend && (
            <ActionButton
              label={t("resend")}
              busyLabel={t("resending")}
              busy={busy === "retry"}
              onClick={() => act("retry")}
              testId="resend-button"
              tone="amber"
            />
          )}
          {can.discard && (
            <ActionButton
              label={t("discard")}
              busyLabel={t("discarding")}
              busy={busy === "discard"}
              onClick={() => act("discard")}
              testId="discard-button"
              tone="amber"
            />
          )}
        </div>
      </div>
    );
  }
  if (message.status === "DISCARDED") {
    return (
      <p className="mt-1 border-t border-slate-300 pt-1 text-xs text-slate-600" data-testid="message-discarded">
        {t("discarded")}
      </p>
    );
  }
  return null;
}

function ActionButton({
  label,
  busyLabel,
  busy,
  onClick,
  testId,
  tone,
}: {
  label: string;
  busyLabel: string;
  busy: boolean;
  onClick: () => void;
  testId: string;
  tone: "red" | "amber";
}) {
  const colours = tone === "red" ? "border-red-300 hover:bg-red-50" : "border-amber-400 bg-white/60 hover:bg-amber-50";
  return (
    <button
      disabled={busy}
      onClick={onClick}
      className={`shrink-0 rounded border px-1.5 font-medium disabled:opacity-50 ${colours}`}
      data-testid={testId}
    >
      {busy ? busyLabel : label}
    </button>
  );
}

function QuestionIcon() {
  return (
    <svg viewBox="0 0 16 16" className="mt-px h-3.5 w-3.5 shrink-0" fill="none" stroke="currentColor" strokeWidth="1.6" aria-hidden="true">
      <circle cx="8" cy="8" r="6.25" />
      <path d="M6.2 6.3a1.9 1.9 0 1 1 2.6 1.75c-.5.2-.8.6-.8 1.1v.35" strokeLinecap="round" />
      <circle cx="8" cy="11.4" r=".55" fill="currentColor" stroke="none" />
    </svg>
  );
}
