"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { api } from "@/components/api/client";
import { keys } from "@/components/api/queries";
import { MessengerBubble } from "./messenger-bubble";
import { MessengerMore, type SendMessengerEvent } from "./messenger-more";
import { useSendProblem } from "./use-send-problem";

// A customer on Messenger writing to the simulated Facebook Page: everything they do reaches
// Switchboard as a signed Page webhook, as Meta sends it; the Page's replies appear with their quick
// replies, and a reply is "Seen" once the business reads it. The Page panel plays Meta's App Review
// (the Human Agent permission).

const POLL_MS = 1_000;

export function MessengerPhone() {
  const t = useTranslations("simulator");
  const problem = useSendProblem();
  const client = useQueryClient();
  const [psid, setPsid] = useState("7200000000000001");
  const [name, setName] = useState("Nora Lindqvist");
  const [text, setText] = useState("");
  const [more, setMore] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const valid = /^\d{10,20}$/.test(psid);
  const page = useQuery({ queryKey: keys.simulator.page, queryFn: api.simulator.page, refetchInterval: POLL_MS });
  const chat = useQuery({
    queryKey: keys.simulator.messenger(psid),
    queryFn: () => api.simulator.messengerChat(psid),
    enabled: valid,
    refetchInterval: POLL_MS,
  });
  const post = useMutation({
    mutationFn: (event: Parameters<SendMessengerEvent>[0]) => api.simulator.messengerSend(psid, { name, ...event }),
    onSettled: () => client.invalidateQueries({ queryKey: ["simulator"] }),
  });
  const settings = useMutation({
    mutationFn: (readsMessages: boolean) => api.simulator.messengerSettings(psid, { readsMessages }),
    onSettled: () => client.invalidateQueries({ queryKey: keys.simulator.messenger(psid) }),
  });
  const humanAgent = useMutation({
    mutationFn: api.simulator.setPage,
    onSuccess: (next) => client.setQueryData(keys.simulator.page, next),
  });

  const send: SendMessengerEvent = async (event) => {
    if (post.isPending || !valid) return false;
    setError(null);
    try {
      const result = await post.mutateAsync(event);
      if (result.webhookStatus !== 200) setError(problem.webhook(result.webhookStatus));
      return true;
    } catch (failure) {
      setError(problem.refused(failure));
      return false;
    }
  };
  const items = valid ? (chat.data?.items ?? []) : [];
  const reads = chat.data?.settings.readsMessages ?? true;

  return (
    <div className="flex h-full gap-6" data-testid="sim-messenger">
      <aside className="w-60 shrink-0 space-y-4">
        <div>
          <h1 className="text-lg font-semibold">{t("title")}</h1>
          <p className="text-xs text-slate-500">{t("messenger.intro")}</p>
        </div>
        <label className="block text-sm">
          <span className="mb-1 block font-medium text-slate-700">{t("messenger.psid")}</span>
          <input
            data-testid="sim-psid"
            value={psid}
            onChange={(event) => setPsid(event.target.value.replace(/\D/g, ""))}
            className="w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm"
          />
          {!valid && <span className="text-xs text-red-700">{t("messenger.psidHint")}</span>}
        </label>
        <label className="block text-sm">
          <span className="mb-1 block font-medium text-slate-700">{t("name")}</span>
          <input
            data-testid="sim-m-name"
            value={name}
            onChange={(event) => setName(event.target.value)}
            className="w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm"
          />
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            data-testid="sim-m-reads"
            checked={reads}
            disabled={!valid}
            onChange={(event) => settings.mutate(event.target.checked)}
          />
          {t("readsMessages")}
        </label>
        <p className="-mt-3 text-xs text-slate-500">{reads ? t("messenger.readsOn") : t("messenger.readsOff")}</p>
        {page.data && (
          <div className="space-y-1 rounded-md border border-slate-200 p-2 text-xs" data-testid="sim-page">
            <p className="font-semibold">{t("messenger.page", { name: page.data.name })}</p>
            <p className="text-slate-500">{t("messenger.pageId", { id: page.data.pageId })}</p>
            <label className="flex items-start gap-1.5">
              <input
                type="checkbox"
                data-testid="sim-page-human-agent"
                checked={page.data.humanAgent}
                onChange={(event) => humanAgent.mutate({ humanAgent: event.target.checked })}
              />
              <span>{t("messenger.humanAgent")}</span>
            </label>
          </div>
        )}
        {!!page.data?.customers.length && (
          <div>
            <h2 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">{t("recentCustomers")}</h2>
            <ul className="space-y-1">
              {page.data.customers.map((customer) => (
                <li key={customer.psid}>
                  <button
                    onClick={() => {
                      setPsid(customer.psid);
                      if (customer.name) setName(customer.name);
                    }}
                    className={`w-full rounded px-2 py-1 text-left text-sm hover:bg-slate-100 ${customer.psid === psid ? "bg-slate-100" : ""}`}
                  >
                    {customer.name ?? t("unknown")} <span className="text-xs text-slate-500">…{customer.psid.slice(-4)}</span>
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
      </aside>
      <section className="flex min-w-0 flex-1 flex-col overflow-hidden rounded-2xl border border-slate-300 bg-white shadow">
        <header className="border-b border-slate-200 px-4 py-2">
          <p className="text-sm font-semibold">{page.data?.name ?? t("messenger.facebookPage")}</p>
          <p className="text-xs text-slate-500" data-testid="sim-m-typing">
            {chat.data?.settings.typing ? t("typing") : name ? t("messenger.you", { name }) : t("messenger.youNoName")}
          </p>
        </header>
        <div className="min-h-0 flex-1 space-y-2 overflow-y-auto p-4" data-testid="sim-m-thread">
          {items.length === 0 && <p className="text-center text-sm text-slate-500">{t("messenger.empty")}</p>}
          {items.map((item) => (
            <MessengerBubble
              key={item.id}
              item={item}
              onQuickReply={(reply) => void send({ kind: "quick_reply", text: reply.title, payload: reply.payload })}
              onReact={(emoji) =>
                void send({ kind: "reaction", messageId: item.id, emoji: emoji ?? "❤️", action: emoji ? "react" : "unreact" })
              }
            />
          ))}
        </div>
        {more && <MessengerMore onSend={send} busy={post.isPending || !valid} />}
        <form
          onSubmit={async (event) => {
            event.preventDefault();
            if (text.trim() && (await send({ kind: "text", text: text.trim() }))) setText("");
          }}
          className="flex gap-2 border-t border-slate-200 p-3"
        >
          <button
            type="button"
            onClick={() => setMore(!more)}
            aria-expanded={more}
            aria-label={t("messenger.more")}
            data-testid="sim-m-more-toggle"
            className={`rounded-full px-3 text-lg leading-none ${more ? "bg-[#0866ff] text-on-accent" : "bg-slate-100 text-slate-600"}`}
          >
            +
          </button>
          <input
            data-testid="sim-m-text"
            value={text}
            onChange={(event) => setText(event.target.value)}
            placeholder={t("messenger.placeholder")}
            className="flex-1 rounded-full bg-slate-100 px-4 py-2 text-sm"
          />
          <button
            type="submit"
            disabled={!valid || !text.trim() || post.isPending}
            className="rounded-full bg-[#0866ff] px-4 py-2 text-sm font-semibold text-on-accent disabled:opacity-50"
            data-testid="sim-m-send"
          >
            {t("send")}
          </button>
        </form>
        {error && (
          <p role="alert" className="bg-red-50 px-4 py-2 text-sm text-red-700">
            {error}
          </p>
        )}
      </section>
    </div>
  );
}
