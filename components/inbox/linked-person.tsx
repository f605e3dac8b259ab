"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { api } from "@/components/api/client";
import { useLinkContact } from "@/components/api/mutations";
import type { ContactDetails } from "@/components/api/types";
import { useDates } from "@/components/i18n/use-dates";
import { Button } from "@/components/ui/button";
import { ChannelMark } from "./channel-mark";

// The same person on the other channel: a customer who writes on WhatsApp and on Messenger is two
// contacts, which an agent links. The panel then shows both, with the other contact's conversations.

export function LinkedPerson({ contact, onOpenConversation }: { contact: ContactDetails; onOpenConversation: (id: string) => void }) {
  const [searching, setSearching] = useState(false);
  const link = useLinkContact(contact.id);
  const t = useTranslations("inbox");
  const dates = useDates();
  return (
    <section data-testid="linked-person">
      <div className="mb-1 flex items-center justify-between">
        <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{t("linked.heading")}</h3>
        {!searching && (
          <button
            className="text-xs font-medium text-brand-700 hover:underline"
            onClick={() => setSearching(true)}
            data-testid="link-contact"
          >
            {t("linked.link")}
          </button>
        )}
      </div>
      {contact.linked.length === 0 && !searching && <p className="text-xs text-slate-500">{t("linked.none")}</p>}
      <ul className="space-y-2">
        {contact.linked.map((other) => (
          <li key={other.id} className="rounded-md border border-slate-200 p-2 text-xs" data-testid="linked-contact">
            <p className="flex min-w-0 items-center gap-1.5 font-medium">
              <ChannelMark kind={other.channel.kind} />
              <span className="truncate">{other.displayName}</span>
            </p>
            <p className="truncate text-slate-500">
              {other.waId ? `+${other.waId} · ` : ""}
              {other.channel.name}
            </p>
            {other.conversations.length === 0 && <p className="mt-1 text-slate-500">{t("linked.noConversations")}</p>}
            <ul className="mt-1 space-y-0.5">
              {other.conversations.map((item) => (
                <li key={item.id}>
                  <button onClick={() => onOpenConversation(item.id)} className="w-full rounded px-1 py-0.5 text-left hover:bg-slate-50">
                    <span className="font-medium">{dates.day(item.lastMessageAt)}</span> · {t("contact.status", { status: item.status })}
                    <span className="block truncate text-slate-500">{item.lastMessagePreview}</span>
                  </button>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      {contact.linked.length > 0 && (
        <Button size="sm" className="mt-1.5" disabled={link.isPending} onClick={() => link.mutate(null)} data-testid="unlink-contact">
          {t("linked.unlink")}
        </Button>
      )}
      {link.error && <p className="mt-1 text-xs text-red-700">{link.error.message}</p>}
      {searching && (
        <LinkSearch
          contactId={contact.id}
          onPick={async (id) => {
            await link.mutateAsync(id);
            setSearching(false);
          }}
          onCancel={() => setSearching(false)}
        />
      )}
    </section>
  );
}

function LinkSearch({ contactId, onPick, onCancel }: { contactId: string; onPick: (id: string) => Promise<void>; onCancel: () => void }) {
  const [q, setQ] = useState("");
  const t = useTranslations("inbox.linked");
  const commonText = useTranslations("common");
  const candidates = useQuery({
    queryKey: ["contacts", contactId, "link-candidates", q],
    queryFn: () => api.linkCandidates(contactId, q),
    enabled: q.trim().length >= 2,
  });
  return (
    <div className="mt-1.5 space-y-1" data-testid="link-search">
      <input
        autoFocus
        value={q}
        onChange={(event) => setQ(event.target.value)}
        onKeyDown={(event) => event.key === "Escape" && onCancel()}
        placeholder={t("searchPlaceholder")}
        className="w-full rounded-md border border-slate-300 px-2 py-1 text-xs"
        data-testid="link-search-input"
      />
      {q.trim().length >= 2 && candidates.isPending && <p className="text-xs text-slate-500">{t("searching")}</p>}
      {candidates.error && <p className="text-xs text-red-700">{candidates.error.message}</p>}
      {candidates.data?.items.length === 0 && <p className="text-xs text-slate-500">{t("noMatch")}</p>}
      <ul className="space-y-0.5">
        {candidates.data?.items.map((candidate) => (
          <li key={candidate.id}>
            <button
              className="flex w-full items-center gap-1.5 rounded px-1.5 py-1 text-left text-xs hover:bg-slate-50"
              onClick={() => void onPick(candidate.id)}
              data-testid="link-candidate"
            >
              <ChannelMark kind={candidate.channel.kind} />
              <span className="font-medium">{candidate.displayName}</span>
              <span className="truncate text-slate-500">{candidate.waId ? `+${candidate.waId}` : candidate.channel.name}</span>
            </button>
          </li>
        ))}
      </ul>
      <button className="text-xs text-slate-500 hover:underline" onClick={onCancel}>
        {commonText("cancel")}
      </button>
    </div>
  );
}
