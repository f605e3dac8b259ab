"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { api } from "@/components/api/client";
import { keys } from "@/components/api/queries";
import type { CustomerPhoneSettings } from "@/components/api/types";

// The simulated customer's phone settings (GET/PATCH /api/simulator/customers/:waId), polled so the
// business's typing indicator and a block show up as they happen.

export function usePhoneSettings(waId: string | null, pollMs = 1_000) {
  const client = useQueryClient();
  const settings = useQuery({
    queryKey: keys.simulator.settings(waId ?? ""),
    queryFn: () => api.simulator.settings(waId!),
    enabled: !!waId,
    refetchInterval: pollMs,
  });
  const update = useMutation({
    mutationFn: (readsMessages: boolean) => api.simulator.updateSettings(waId!, { readsMessages }),
    onSuccess: (next) => client.setQueryData(keys.simulator.settings(next.waId), next),
  });
  return { settings: waId ? (settings.data ?? null) : null, setReadsMessages: (value: boolean) => waId && update.mutate(value) };
}

export function PhoneSettingsPanel({
  settings,
  onReadsMessages,
}: {
  settings: CustomerPhoneSettings | null;
  onReadsMessages: (value: boolean) => void;
}) {
  const t = useTranslations("simulator");
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
        <span>{t("readsMessages")}</span>
      </label>
      <p className="text-xs text-slate-500">{settings.readsMessages ? t("whatsapp.readsOn") : t("whatsapp.readsOff")}</p>
      {settings.blocked && (
        <p className="rounded bg-amber-50 px-2 py-1 text-xs text-amber-800" data-testid="sim-blocked">
          {t("whatsapp.blocked")}
        </p>
      )}
    </div>
  );
}
