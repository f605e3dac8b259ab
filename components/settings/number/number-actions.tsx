"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, ApiError, failureText } from "@/components/api/client";
import { keys } from "@/components/api/queries";
import type { NumberHealth } from "@/components/api/types";
import { Button } from "@/components/ui/button";
import { displayNameProblem, displayNameRules } from "@/lib/number-health/display-name-rules";

// The admin's actions on the number: a new display name (Meta's rules checked as you type), the blue
// tick (its checklist and the 30-day wait after a refusal), and the two-step verification PIN (with
// the admin's password; the field is cleared as soon as it is sent).

const input = "w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm";
type Outcome = { ok: boolean; text: string; fields?: Record<string, string> } | null;

function useAction(channelId: string) {
  const client = useQueryClient();
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  async function run(work: () => Promise<unknown>, done: string) {
    setBusy(true);
    setOutcome(null);
    try {
      await work();
      setOutcome({ ok: true, text: done });
      await client.invalidateQueries({ queryKey: keys.health(channelId) });
    } catch (error) {
      setOutcome({
        ok: false,
        text: failureText(error, "Could not reach Switchboard."),
        fields: error instanceof ApiError ? error.fields : undefined,
      });
    } finally {
      setBusy(false);
    }
  }
  return { outcome, busy, run };
}

function Said({ outcome, testId }: { outcome: Outcome; testId: string }) {
  if (!outcome) return null;
  return (
    <p role="status" data-testid={testId} className={`text-xs ${outcome.ok ? "text-emerald-700" : "text-red-700"}`}>
      {outcome.text}
    </p>
  );
}

export function NumberActions({ channelId, health, canAct }: { channelId: string; health: NumberHealth; canAct: boolean }) {
  return (
    <aside className="space-y-4">
      <DisplayName channelId={channelId} health={health} canAct={canAct} />
      <BlueTick channelId={channelId} health={health} canAct={canAct} />
      {canAct && <TwoStepPin channelId={channelId} />}
    </aside>
  );
}

function DisplayName({ channelId, health, canAct }: { channelId: string; health: NumberHealth; canAct: boolean }) {
  const [name, setName] = useState("");
  const action = useAction(channelId);
  const problem = name ? displayNameProblem(name) : null;
  const pending = health.number?.new_name_status === "PENDING_REVIEW";
  return (
    <section className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm">
      <h2 className="font-semibold">Display name</h2>
      <ul className="list-disc pl-4 text-xs text-slate-600">
        {displayNameRules.map((rule) => (
          <li key={rule}>{rule}</li>
        ))}
      </ul>
      {pending && (
        <p className="text-xs text-amber-700" data-testid="name-pending">
          Meta is reviewing &quot;{health.number?.new_display_name}&quot;. This page updates when it decides.
        </p>
      )}
      {canAct && (
        <>
          <input
            aria-label="New display name"
            className={input}
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder={health.number?.verified_name}
          />
          {problem && <p className="text-xs text-red-700">{problem}</p>}
          <Button
            tone="primary"
            size="sm"
            disabled={!name || !!problem || action.busy || pending}
            onClick={() => void action.run(() => api.channels.requestName(channelId, name), "Sent to Meta for review.")}
          >
            Request review
          </Button>
          <Said outcome={action.outcome} testId="name-outcome" />
        </>
      )}
    </section>
  );
}

function BlueTick({ channelId, health, canAct }: { channelId: string; health: NumberHealth; canAct: boolean }) {
  const [website, setWebsite] = useState("");
  const [country, setCountry] = useState("");
  const [language, setLanguage] = useState("");
  const [links, setLinks] = useState("");
  const action = useAction(channelId);
  const number = health.number;
  const status = number?.official_business_account?.oba_status ?? "NOT_STARTED";
  const waiting = health.blueTick.retryAfter && new Date(health.blueTick.retryAfter) > new Date();
  const request = () =>
    api.channels.requestBlueTick(channelId, {
      business_website_url: website,
      primary_country_of_operation: country,
      primary_language: language,
      supporting_links: links.split(/\s+/).filter(Boolean),
    });
  return (
    <section className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm" data-testid="blue-tick">
      <h2 className="font-semibold">Blue tick</h2>
      <ul className="space-y-0.5 text-xs">
        {health.blueTick.checklist.map((item) => (
          <li key={item.id} className={item.met === true ? "text-emerald-700" : item.met === false ? "text-red-700" : "text-slate-600"}>
            {item.met === true ? "✓" : item.met === false ? "✗" : "?"} {item.label}
          </li>
        ))}
      </ul>
      {number?.is_official_business_account && <p className="text-xs text-emerald-700">This number has the blue tick.</p>}
      {status === "PENDING" && <p className="text-xs text-amber-700">Meta is reviewing the request.</p>}
      {waiting && (
        <p className="text-xs text-amber-700">
          Meta refused the last request. A new one can be made from {new Date(health.blueTick.retryAfter!).toLocaleDateString()}.
        </p>
      )}
      {canAct && !number?.is_official_business_account && status !== "PENDING" && !waiting && (
        <div className="space-y-1.5">
          <input
            aria-label="Business website"
            className={input}
            placeholder="https://example.com"
            value={website}
            onChange={(e) => setWebsite(e.target.value)}
          />
          <div className="flex gap-1.5">
            <input
              aria-label="Country of operation"
              className={input}
              placeholder="Country (e.g. DE)"
              value={country}
              onChange={(e) => setCountry(e.target.value)}
            />
            <input
              aria-label="Primary language"
              className={input}
              placeholder="Language (e.g. German)"
              value={language}
              onChange={(e) => setLanguage(e.target.value)}
            />
          </div>
          <textarea
            aria-label="Supporting links"
            className={input}
            rows={2}
            placeholder="Links to articles about the business, one per line"
            value={links}
            onChange={(e) => setLinks(e.target.value)}
          />
          {action.outcome?.fields && Object.values(action.outcome.fields).length > 1 && (
            <p className="text-xs text-red-700">{Object.values(action.outcome.fields).join(" ")}</p>
          )}
          <Button
            tone="primary"
            size="sm"
            disabled={action.busy}
            onClick={() => void action.run(request, "Requested. Meta's decision will appear in the timeline.")}
          >
            Request the blue tick
          </Button>
        </div>
      )}
      <Said outcome={action.outcome} testId="blue-tick-outcome" />
    </section>
  );
}

function TwoStepPin({ channelId }: { channelId: string }) {
  const [pin, setPin] = useState("");
  const [password, setPassword] = useState("");
  const action = useAction(channelId);
  function submit(event: React.FormEvent) {
    event.preventDefault();
    const [sentPin, sentPassword] = [pin, password];
    setPin("");
    setPassword("");
    void action.run(
      () => api.channels.setPin(channelId, sentPin, sentPassword),
      "The new PIN is set. Keep it somewhere safe: Switchboard does not keep it.",
    );
  }
  return (
    <form onSubmit={submit} className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm">
      <h2 className="font-semibold">Two-step verification PIN</h2>
      <p className="text-xs text-slate-600">Needed to register the number again. Switchboard sends it to WhatsApp and keeps no copy.</p>
      <input
        aria-label="New 6-digit PIN"
        className={input}
        inputMode="numeric"
        autoComplete="off"
        maxLength={6}
        value={pin}
        onChange={(e) => setPin(e.target.value.replace(/\D/g, ""))}
        placeholder="6 digits"
        type="password"
      />
      <input
        aria-label="Your password"
        className={input}
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        placeholder="Your password, to confirm"
      />
      <Button type="submit" tone="primary" size="sm" disabled={pin.length !== 6 || !password || action.busy}>
        Set PIN
      </Button>
      <Said outcome={action.outcome} testId="pin-outcome" />
    </form>
  );
}
