"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { api } from "@/components/api/client";
import { keys } from "@/components/api/queries";
import { useErrorText } from "@/components/i18n/use-error-text";

// Meta's side of the number's health: change the quality rating or the messaging limit, and the
// simulator sends the phone_number_quality_update webhook Meta would. The choices are Meta's own
// values (GREEN, TIER_250…), as they appear in the webhook and the Graph API.

export function NumberControls() {
  const t = useTranslations("simulator.number");
  const errorText = useErrorText();
  const client = useQueryClient();
  const controls = useQuery({ queryKey: keys.simulator.number, queryFn: api.simulator.number }).data;
  const change = useMutation({
    mutationFn: api.simulator.changeNumber,
    onSuccess: (next) => client.setQueryData(keys.simulator.number, next),
  });
  if (!controls) return null;
  const select = "w-full rounded-md border border-slate-300 px-2 py-1 text-sm";
  return (
    <div className="space-y-2 rounded-md border border-slate-200 p-2 text-sm" data-testid="sim-number-controls">
      <h2 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{t("heading")}</h2>
      <label className="block">
        <span className="text-xs text-slate-600">{t("quality")}</span>
        <select
          aria-label={t("quality")}
          className={select}
          value={controls.quality}
          disabled={change.isPending}
          onChange={(e) => change.mutate({ quality: e.target.value })}
        >
          {["GREEN", "YELLOW", "RED"].map((rating) => (
            <option key={rating}>{rating}</option>
          ))}
        </select>
      </label>
      <label className="block">
        <span className="text-xs text-slate-600">{t("limit")}</span>
        <select
          aria-label={t("limit")}
          className={select}
          value={controls.limit}
          disabled={change.isPending}
          onChange={(e) => change.mutate({ limit: e.target.value })}
        >
          {controls.tiers.map((tier) => (
            <option key={tier}>{tier}</option>
          ))}
        </select>
      </label>
      <p className="text-xs text-slate-500">{t("note")}</p>
      {change.isError && <p className="text-xs text-red-700">{errorText(change.error, t("failed"))}</p>}
    </div>
  );
}
