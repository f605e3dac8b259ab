"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { api } from "@/components/api/client";
import { keys } from "@/components/api/queries";
import type { SimulatedMessage } from "@/components/api/types";
import type { Tap } from "@/components/whatsapp/business-message";
import { BusinessHeader } from "./business-header";
import { ComposeMore } from "./compose-more";
import { NumberControls } from "./number-controls";
import { BusinessBubble, tapReply } from "./business-bubble";
import { BusinessMessageActions } from "./message-actions";
import { PhoneSettingsPanel, usePhoneSettings } from "./phone-settings";
import { useSendProblem } from "./use-send-problem";

// A phone has no push channel from the business: it polls, as often as a person would notice.
const POLL_MS = 1_000;

// A customer's phone: pick or type a number and a name, write to the business, see its replies.
export function CustomerPhone() {
  const t = useTranslations("simulator");
  const format = useFormatter();
  const problem = useSendProblem();
  const client = useQueryClient();
  const [waId, setWaId] = useState("4917612345678");
  const [name, setName] = useState("Jonas Weber");
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [more, setMore] = useState(false);
  const [replyTo, setReplyTo] = useState<SimulatedMessage | null>(null);
  const validNumber = /^\d{6,15}$/.test(waId);
  const phone = usePhoneSettings(validNumber ? waId : null);
  const customers =
    useQuery({ queryKey: keys.simulator.customers, queryFn: api.simulator.customers, refetchInterval: POLL_MS }).data?.items ?? [];
  const thread = useQuery({
    queryKey: keys.simulator.thread(waId),
    queryFn: () => api.simulator.thread(waId),
    enabled: validNumber,
    refetchInterval: POLL_MS,
  });
  const messages = validNumber ? (thread.data?.items ?? []) : [];
  const post = useMutation({
    mutationFn: (message: Record<string, unknown>) => api.simulator.send(waId, message),
    onSettled: () => client.invalidateQueries({ queryKey: ["simulator"] }),
  });
  const sending = post.isPending;

  async function send(event: React.FormEvent) {
    event.preventDefault();
    if (!text.trim() || sending) return;
    if (await deliver({ kind: "text", text })) setText("");
  }

  // Any kind of customer message (lib/simulator/customer-message.ts); quotes the chosen message.
  async function deliver(message: Record<string, unknown>): Promise<boolean> {
    if (sending) return false;
    setError(null);
    const quote = replyTo && message.kind !== "reaction" ? { replyTo: replyTo.id } : {};
    try {
      const result = await post.mutateAsync({ name, ...message, ...quote });
      if (result.webhookStatus !== 200) setError(problem.webhook(result.webhookStatus));
    } catch (failure) {
      setError(problem.refused(failure));
      return false;
    }
    setReplyTo(null);
    return true;
  }

  // A tap on a reply button, list row or Flow button answers as WhatsApp would, quoting the message.
  function tapped(message: SimulatedMessage, tap: Tap) {
    const reply = message.view ? tapReply(tap, { messageId: message.id, view: message.view }) : null;
    if (reply) void deliver(reply);
  }

  return (
    <main className="mx-auto flex h-full max-w-4xl gap-6 p-6">
      <aside className="w-60 shrink-0 space-y-4">
        <div>
          <h1 className="text-lg font-semibold">{t("title")}</h1>
          <p className="text-xs text-slate-500">{t("whatsapp.intro")}</p>
        </div>
        <label className="block text-sm">
          <span className="mb-1 block font-medium text-slate-700">{t("whatsapp.number")}</span>
          <input
            data-testid="sim-phone"
            value={waId}
            onChange={(event) => setWaId(event.target.value.replace(/[^\d]/g, ""))}
            className="w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm"
            placeholder="4917612345678"
          />
          {!validNumber && <span className="text-xs text-red-700">{t("whatsapp.numberHint")}</span>}
        </label>
        <label className="block text-sm">
          <span className="mb-1 block font-medium text-slate-700">{t("name")}</span>
          <input
            data-testid="sim-name"
            value={name}
            onChange={(event) => setName(event.target.value)}
            className="w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm"
          />
        </label>
        <PhoneSettingsPanel settings={phone.settings} onReadsMessages={phone.setReadsMessages} />
        <NumberControls />
        {customers.length > 0 && (
          <div>
            <h2 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">{t("recentCustomers")}</h2>
            <ul className="space-y-1">
              {customers.map((customer) => (
                <li key={customer.waId}>
                  <button
                    onClick={() => {
                      setWaId(customer.waId);
                      if (customer.name) setName(customer.name);
                    }}
                    className={`w-full rounded px-2 py-1 text-left text-sm hover:bg-slate-100 ${customer.waId === waId ? "bg-slate-100" : ""}`}
                  >
                    {customer.name ?? t("unknown")} <span className="text-xs text-slate-500">+{customer.waId}</span>
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
      </aside>
      <section className="flex min-w-0 flex-1 flex-col overflow-hidden rounded-2xl border border-slate-300 bg-wallpaper shadow">
        <header>
          <BusinessHeader
            subtitle={
              phone.settings?.typing ? (
                <span data-testid="sim-typing">{t("typing")}</span>
              ) : name ? (
                t("whatsapp.you", { name, number: waId })
              ) : (
                t("whatsapp.youNoName", { number: waId })
              )
            }
          />
        </header>
        <div className="min-h-0 flex-1 space-y-1.5 overflow-y-auto p-4" data-testid="sim-thread">
          {messages.length === 0 && <p className="text-center text-sm text-slate-500">{t("whatsapp.empty")}</p>}
          {messages.map((message) => (
            <div key={message.id} className={`flex ${message.direction === "INBOUND" ? "justify-end" : "justify-start"}`}>
              <div
                data-testid="sim-message"
                data-direction={message.direction === "INBOUND" ? "from-customer" : "from-business"}
                className={`max-w-[75%] whitespace-pre-wrap rounded-lg px-2.5 py-1.5 text-sm shadow-sm ${message.direction === "INBOUND" ? "bg-bubble-out" : "bg-bubble-in"}`}
              >
                {message.direction === "OUTBOUND" ? (
                  <BusinessBubble
                    waId={waId}
                    text={message.text}
                    view={message.view}
                    media={message.media}
                    onTap={(tap) => tapped(message, tap)}
                  />
                ) : (
                  message.text
                )}
                <span className="ml-2 text-[10px] text-slate-500">
                  {format.dateTime(new Date(message.createdAt), { timeStyle: "short" })}
                  {message.direction === "INBOUND" && (
                    <span
                      className={`ml-1 ${message.status === "read" ? "text-tick-read" : ""}`}
                      title={message.status === "read" ? t("whatsapp.readByBusiness") : t("whatsapp.delivered")}
                    >
                      ✓✓
                    </span>
                  )}
                </span>
                {message.direction === "OUTBOUND" && (
                  <BusinessMessageActions
                    onReply={() => setReplyTo(message)}
                    onReact={(emoji) => void deliver({ kind: "reaction", messageId: message.id, emoji })}
                  />
                )}
              </div>
            </div>
          ))}
        </div>
        {replyTo && (
          <div
            className="flex items-center gap-2 border-l-4 border-[#06cf9c] bg-white px-3 py-1 text-xs text-slate-600"
            data-testid="sim-replying"
          >
            <span className="min-w-0 flex-1 truncate">{t("whatsapp.replyingTo", { text: replyTo.text })}</span>
            <button
              type="button"
              onClick={() => setReplyTo(null)}
              className="text-slate-500 hover:text-slate-700"
              aria-label={t("whatsapp.cancelReply")}
            >
              ✕
            </button>
          </div>
        )}
        {more && <ComposeMore onSend={deliver} busy={sending || !validNumber} />}
        <form onSubmit={send} className="flex gap-2 bg-slate-100 p-3">
          <button
            type="button"
            onClick={() => setMore(!more)}
            aria-expanded={more}
            aria-label={t("whatsapp.moreTypes")}
            data-testid="sim-more-toggle"
            className={`rounded-full px-3 text-lg leading-none ${more ? "bg-[#008069] text-on-accent" : "bg-white text-slate-600"}`}
          >
            +
          </button>
          <input
            data-testid="sim-text"
            value={text}
            onChange={(event) => setText(event.target.value)}
            placeholder={t("whatsapp.placeholder")}
            className="flex-1 rounded-full border border-slate-300 bg-white px-4 py-2 text-sm"
          />
          <button
            type="submit"
            disabled={!validNumber || !text.trim() || sending}
            className="rounded-full bg-[#008069] px-4 py-2 text-sm font-semibold text-on-accent disabled:opacity-50"
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
    </main>
  );
}
