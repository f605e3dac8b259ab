"use client";

import { useCallback, useEffect, useState } from "react";

// The simulated customer's phone settings (GET/PATCH /api/simulator/customers/:waId), polled so the
// business's typing indicator and a block show up as they happen.

export type PhoneSettings = { readsMessages: boolean; blocked: boolean; typing: boolean };

export function usePhoneSettings(waId: string | null, pollMs = 1_000) {
  const [settings, setSettings] = useState<PhoneSettings | null>(null);

  const load = useCallback(async () => {
    if (!waId) return setSettings(null);
    const body = await fetch(`/api/simulator/customers/${waId}`, { cache: "no-store" })
      .then((r) => (r.ok ? r.json() : null))
      .catch(() => null);
    if (body) setSettings(body);
  }, [waId]);

  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), pollMs);
    return () => clearInterval(timer);
  }, [load, pollMs]);

  async function setReadsMessages(readsMessages: boolean) {
    if (!waId) return;
    const response = await fetch(`/api/simulator/customers/${waId}`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ readsMessages }),
    });
    if (response.ok) setSettings(await response.json());
  }

  return { settings, setReadsMessages };
}

export function PhoneSettingsPanel({
  settings,
  onReadsMessages,
}: {
  settings: PhoneSettings | null;
  onReadsMessages: (value: boolean) => void;
}) {
  if (!settings) return null;
  return (
    <div className="space-y-1 text-sm">
      <label className="flex items-center gap-2">
        <input
          type="checkbox"
          data-testid="sim-reads-messages"
          checked={settings.readsMessages}
          onChange={(event) => onReadsMessages(event.target.checked)}
        />
        <span>Reads messages</span>
      </label>
      <p className="text-xs text-slate-500">
        {settings.readsMessages
          ? "The business sees blue ticks when its messages arrive."
          : "The business's messages stay at two grey ticks until this is on again."}
      </p>
      {settings.blocked && (
        <p className="rounded bg-amber-50 px-2 py-1 text-xs text-amber-800" data-testid="sim-blocked">
          The business has blocked this number.
        </p>
      )}
    </div>
  );
}
