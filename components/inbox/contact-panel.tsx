"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useContact } from "@/components/api/hooks";
import { useDates } from "@/components/i18n/use-dates";
import { useContactFlag, useUpdateContact } from "@/components/api/mutations";
import type { ContactChanges, ContactDetails } from "@/components/api/types";
import type { ConversationDto } from "@/lib/conversations/types";
import { ChannelMark } from "./channel-mark";
import { CustomerLanguage } from "./customer-language";
import { useInbox } from "./inbox-context";
import { LinkedPerson } from "./linked-person";
import { CloseContact } from "./pane-controls";
import { ReasonDialog } from "./reason-dialog";
import { useInboxPane } from "./use-inbox-pane";

type Action = "block" | "unblock" | "spam" | "unspam";

/** What the dialog asking why says for each action. */
function useActionText(): Record<Action, { title: string; explanation: string; confirm: string }> {
  const t = useTranslations("inbox.contact");
  return {
    block: { title: t("blockTitle"), explanation: t("blockExplanation"), confirm: t("block") },
    unblock: { title: t("unblockTitle"), explanation: t("unblockExplanation"), confirm: t("unblock") },
    spam: { title: t("markSpam"), explanation: t("spamExplanation"), confirm: t("markSpam") },
    unspam: { title: t("notSpam"), explanation: t("unspamExplanation"), confirm: t("unspamConfirm") },
  };
}

/** The right pane: who the customer is, their consent and trust state, earlier conversations, notes. */
export function ContactPanel({ conversation }: { conversation: ConversationDto }) {
  const { openConversation: onOpenConversation } = useInbox();
  const contactId = conversation.contact.id;
  const query = useContact(contactId);
  const flag = useContactFlag(contactId);
  const contact = query.data;
  const error = query.error?.message ?? null;
  const [action, setAction] = useState<Action | null>(null);
  const notice = flag.data ?? null;
  const { pane } = useInboxPane();
  const t = useTranslations("inbox.contact");
  const dates = useDates();
  const actionText = useActionText();
  const historyLine = useHistoryLine();

  async function confirm(reason: string) {
    if (!action) return;
    await flag.mutateAsync({ action, reason });
    setAction(null);
  }

  return (
    <aside
      id="contact-panel"
      aria-label={t("label")}
      className={`w-full shrink-0 flex-col overflow-y-auto border-slate-200 bg-white md:w-72 md:border-l xl:flex ${pane === "contact" ? "flex" : "hidden"}`}
      data-testid="contact-panel"
    >
      <div className="flex items-center border-b border-slate-100 px-3 xl:hidden">
        <CloseContact />
      </div>
      {error && <p className="m-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{error}</p>}
      {!contact && !error && <p className="p-4 text-sm text-slate-500">{t("loading")}</p>}
      {contact && (
        <div className="space-y-4 p-4 text-sm">
          <div>
            <h2 className="flex items-center gap-2 text-base font-semibold">
              {contact.avatarMediaId && (
                // eslint-disable-next-line @next/next/no-img-element -- a stored file served by /api/media to the inbox's members
                <img src={`/api/media/${contact.avatarMediaId}`} alt="" className="h-9 w-9 rounded-full" />
              )}
              {contact.displayName}
            </h2>
            <dl className="mt-2 space-y-1 text-xs text-slate-600">
              <div className="flex items-center gap-1.5">
                <dt>
                  <ChannelMark kind={contact.channel.kind} />
                </dt>
                <dd>{contact.channel.name}</dd>
              </div>
              {contact.waId && <Row term={t("number")} value={`+${contact.waId}`} />}
              {contact.psid && <Row term={t("psid")} value={contact.psid} mono />}
              {contact.username && <Row term={t("username")} value={`@${contact.username}`} />}
              {contact.bsuid && <Row term={t("bsuid")} value={contact.bsuid} mono />}
              <CustomerLanguage contact={contact} />
            </dl>
          </div>

          <div className="flex flex-wrap gap-1.5" data-testid="contact-state">
            {contact.channel.kind === "whatsapp" && (
              <span
                className={`rounded px-1.5 py-0.5 text-[11px] font-medium ${contact.marketingOptOut ? "bg-amber-50 text-amber-800" : "bg-emerald-50 text-emerald-700"}`}
              >
                {contact.marketingOptOut ? t("marketingOptedOut") : t("marketingAllowed")}
              </span>
            )}
            {contact.blockedAt && (
              <span className="rounded bg-red-50 px-1.5 py-0.5 text-[11px] font-medium text-red-700" data-testid="blocked-badge">
                {t("blocked")}
              </span>
            )}
            {contact.spamAt && <span className="rounded bg-red-50 px-1.5 py-0.5 text-[11px] font-medium text-red-700">{t("spam")}</span>}
          </div>
          {notice && (
            <p className="rounded-md bg-amber-50 px-3 py-2 text-xs text-amber-900" data-testid="block-notice">
              {notice}
            </p>
          )}
          <div className="flex flex-wrap gap-1.5">
            {contact.channel.kind === "whatsapp" && (
              <Button size="sm" onClick={() => setAction(contact.blockedAt ? "unblock" : "block")} data-testid="block-button">
                {contact.blockedAt ? t("unblock") : t("block")}
              </Button>
            )}
            <Button size="sm" onClick={() => setAction(contact.spamAt ? "unspam" : "spam")}>
              {contact.spamAt ? t("notSpam") : t("markSpam")}
            </Button>
          </div>

          <LinkedPerson contact={contact} onOpenConversation={onOpenConversation} />

          <Attributes contact={contact} />

          <section>
            <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">{t("conversations")}</h3>
            <ul className="space-y-1">
              {contact.conversations.map((item) => (
                <li key={item.id}>
                  <button
                    onClick={() => onOpenConversation(item.id)}
                    disabled={item.id === conversation.id}
                    className="w-full rounded px-1.5 py-1 text-left text-xs hover:bg-slate-50 disabled:bg-slate-50"
                  >
                    <span className="font-medium">{dates.day(item.lastMessageAt)}</span> · {t("status", { status: item.status })}
                    <span className="block truncate text-slate-500">{item.lastMessagePreview}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>

          {contact.history.length > 0 && (
            <section>
              <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">{t("history")}</h3>
              <ul className="space-y-1 text-xs text-slate-600" data-testid="contact-history">
                {contact.history.map((event, index) => (
                  <li key={index}>
                    {historyLine(event)}
                    {event.reason ? ` — ${event.reason}` : ""}
                    <span className="block text-slate-500">{dates.full(event.at)}</span>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </div>
      )}
      {action && (
        <ReasonDialog
          open
          {...actionText[action]}
          tone={action === "block" || action === "spam" ? "danger" : "primary"}
          onCancel={() => setAction(null)}
          onConfirm={confirm}
        />
      )}
    </aside>
  );
}

function useHistoryLine(): (event: ContactDetails["history"][number]) => string {
  const t = useTranslations("inbox.contact");
  return (event) => {
    const action = event.action.replace("contact.", "");
    return t("historyLine", { action, name: action.replace(/_/g, " "), actor: event.actor.replace("system:", "") });
  };
}

function Row({ term, value, mono = false }: { term: string; value: string; mono?: boolean }) {
  return (
    <div className="flex justify-between gap-2">
      <dt className="text-slate-500">{term}</dt>
      <dd className={`truncate ${mono ? "font-mono text-[11px]" : ""}`} title={value}>
        {value}
      </dd>
    </div>
  );
}

function Attributes({ contact }: { contact: ContactDetails }) {
  const update = useUpdateContact(contact.id);
  const [notes, setNotes] = useState(contact.notes ?? "");
  const [key, setKey] = useState("");
  const [value, setValue] = useState("");
  const error = update.error?.message ?? null;
  const t = useTranslations("inbox.contact");
  const save = (changes: ContactChanges) => update.mutate(changes);

  return (
    <section className="space-y-2">
      <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{t("attributes")}</h3>
      <dl className="space-y-1 text-xs">
        {Object.entries(contact.attributes).map(([name, text]) => (
          <div key={name} className="group flex justify-between gap-2">
            <dt className="text-slate-500">{name}</dt>
            <dd className="flex gap-1 truncate">
              {text}
              <button
                aria-label={t("removeAttribute", { name })}
                className="text-slate-500 opacity-0 group-hover:opacity-100 hover:text-red-700 focus:opacity-100 pointer-coarse:opacity-100"
                onClick={() => {
                  const { [name]: _removed, ...rest } = contact.attributes;
                  void save({ attributes: rest });
                }}
              >
                ×
              </button>
            </dd>
          </div>
        ))}
      </dl>
      <form
        className="flex gap-1"
        onSubmit={(event) => {
          event.preventDefault();
          if (!key.trim()) return;
          void save({ attributes: { ...contact.attributes, [key.trim()]: value } });
          setKey("");
          setValue("");
        }}
      >
        <input
          value={key}
          onChange={(e) => setKey(e.target.value)}
          placeholder={t("attribute")}
          className="w-24 rounded border border-slate-200 px-1.5 py-1 text-xs"
        />
        <input
          value={value}
          onChange={(e) => setValue(e.target.value)}
          placeholder={t("value")}
          className="min-w-0 flex-1 rounded border border-slate-200 px-1.5 py-1 text-xs"
        />
        <Button size="sm" type="submit">
          {t("add")}
        </Button>
      </form>
      <textarea
        value={notes}
        onChange={(event) => setNotes(event.target.value)}
        onBlur={() => notes !== (contact.notes ?? "") && void save({ notes: notes || null })}
        rows={3}
        placeholder={t("notes")}
        className="w-full rounded-md border border-slate-200 px-2 py-1.5 text-xs focus:border-brand-500"
      />
      {error && <p className="text-xs text-red-700">{error}</p>}
    </section>
  );
}
