"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { api, ApiError } from "@/components/api/client";
import { keys } from "@/components/api/queries";
import type { NumberHealth } from "@/components/api/types";
import { useDates } from "@/components/i18n/use-dates";
import { useErrorText } from "@/components/i18n/use-error-text";
import { Button } from "@/components/ui/button";
import { displayNameProblem, displayNameRules } from "@/lib/number-health/display-name-rules";

// The admin's actions on the number: a new display name (Meta's rules checked as you type), the blue
// tick (its checklist and the 30-day wait after a refusal), and the two-step verification PIN (with
// the admin's password; the field is cleared as soon as it is sent).

const EXAMPLE_SITE = "https://example.com";
const input = "w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm";
type Outcome = { ok: boolean; text: string; fields?: Record<string, string> } | null;

function useAction(channelId: string) {
  const t = useTranslations("numberHealth");
  const errorText = useErrorText();
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
        text: errorText(error, t("unreachable")),
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
  const t = useTranslations("numberHealth");
  const [name, setName] = useState("");
  const action = useAction(channelId);
  const problem = name ? displayNameProblem(name) : null;
  const pending = health.number?.new_name_status === "PENDING_REVIEW";
  return (
    <section className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm">
      <h2 className="font-semibold">{t("displayName")}</h2>
      <ul className="list-disc pl-4 text-xs text-slate-600">
        {displayNameRules.map((rule) => (
          <li key={rule}>{t("nameRule", { rule })}</li>
        ))}
      </ul>
      {pending && (
        <p className="text-xs text-amber-700" data-testid="name-pending">
          {t("nameUnderReview", { name: health.number?.new_display_name ?? "" })}
        </p>
      )}
      {canAct && (
        <>
          <input
            aria-label={t("newDisplayName")}
            className={input}
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder={health.number?.verified_name}
          />
          {problem && <p className="text-xs text-red-700">{t("nameProblem", { problem })}</p>}
          <Button
            tone="primary"
            size="sm"
            disabled={!name || !!problem || action.busy || pending}
            onClick={() => void action.run(() => api.channels.requestName(channelId, name), t("nameSent"))}
          >
            {t("requestReview")}
          </Button>
          <Said outcome={action.outcome} testId="name-outcome" />
        </>
      )}
    </section>
  );
}

function BlueTick({ channelId, health, canAct }: { channelId: string; health: NumberHealth; canAct: boolean }) {
  const t = useTranslations("numberHealth");
  const dates = useDates();
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
      <h2 className="font-semibold">{t("blueTick")}</h2>
      <ul className="space-y-0.5 text-xs">
        {health.blueTick.checklist.map((item) => (
          <li key={item.id} className={item.met === true ? "text-emerald-700" : item.met === false ? "text-red-700" : "text-slate-600"}>
            {item.met === true ? "✓" : item.met === false ? "✗" : "?"} {item.label}
          </li>
        ))}
      </ul>
      {number?.is_official_business_account && <p className="text-xs text-emerald-700">{t("hasBlueTick")}</p>}
      {status === "PENDING" && <p className="text-xs text-amber-700">{t("blueTickPending")}</p>}
      {waiting && <p className="text-xs text-amber-700">{t("blueTickRefused", { date: dates.day(health.blueTick.retryAfter!) })}</p>}
      {canAct && !number?.is_official_business_account && status !== "PENDING" && !waiting && (
        <div className="space-y-1.5">
          <input
            aria-label={t("website")}
            className={input}
            placeholder={EXAMPLE_SITE}
            value={website}
            onChange={(e) => setWebsite(e.target.value)}
          />
          <div className="flex gap-1.5">
            <input
              aria-label={t("country")}
              className={input}
              placeholder={t("countryPlaceholder")}
              value={country}
              onChange={(e) => setCountry(e.target.value)}
            />
            <input
              aria-label={t("language")}
              className={input}
              placeholder={t("languagePlaceholder")}
              value={language}
              onChange={(e) => setLanguage(e.target.value)}
            />
          </div>
          <textarea
            aria-label={t("links")}
            className={input}
            rows={2}
            placeholder={t("linksPlaceholder")}
            value={links}
            onChange={(e) => setLinks(e.target.value)}
          />
          {action.outcome?.fields && Object.values(action.outcome.fields).length > 1 && (
            <p className="text-xs text-red-700">{Object.values(action.outcome.fields).join(" ")}</p>
          )}
          <Button tone="primary" size="sm" disabled={action.busy} onClick={() => void action.run(request, t("blueTickRequested"))}>
            {t("requestBlueTick")}
          </Button>
        </div>
      )}
      <Said outcome={action.outcome} testId="blue-tick-outcome" />
    </section>
  );
}

function TwoStepPin({ channelId }: { channelId: string }) {
  const t = useTranslations("numberHealth");
  const [pin, setPin] = useState("");
  const [password, setPassword] = useState("");
  const action = useAction(channelId);
  function submit(event: React.FormEvent) {
    event.preventDefault();
    const [sentPin, sentPassword] = [pin, password];
    setPin("");
    setPassword("");
    void action.run(() => api.channels.setPin(channelId, sentPin, sentPassword), t("pinDone"));
  }
  return (
    <form onSubmit={submit} className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm">
      <h2 className="font-semibold">{t("pinTitle")}</h2>
      <p className="text-xs text-slate-600">{t("pinIntro")}</p>
      <input
        aria-label={t("newPin")}
        className={input}
        inputMode="numeric"
        autoComplete="off"
        maxLength={6}
        value={pin}
        onChange={(e) => setPin(e.target.value.replace(/\D/g, ""))}
        placeholder={t("sixDigits")}
        type="password"
      />
      <input
        aria-label={t("yourPassword")}
        className={input}
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        placeholder={t("passwordToConfirm")}
      />
      <Button type="submit" tone="primary" size="sm" disabled={pin.length !== 6 || !password || action.busy}>
        {t("setPin")}
      </Button>
      <Said outcome={action.outcome} testId="pin-outcome" />
    </form>
  );
}
