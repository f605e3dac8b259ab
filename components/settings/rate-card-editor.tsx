"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { ApiError } from "@/components/api/client";
import { useSaveRateCard } from "@/components/api/mutations";
import { useErrorText } from "@/components/i18n/use-error-text";
import { Button } from "@/components/ui/button";
import { rateCategories as categories, type Rate } from "@/lib/billing/estimate-cost";

export function RateCardEditor({ initial }: { initial: Rate[] }) {
  const t = useTranslations("settings.rateCard");
  const errorText = useErrorText();
  const [rates, setRates] = useState(initial);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const saveRates = useSaveRateCard();
  const saving = saveRates.isPending;
  const set = (index: number, changes: Partial<Rate>) => setRates(rates.map((rate, i) => (i === index ? { ...rate, ...changes } : rate)));

  function save() {
    saveRates.mutate(rates, {
      onSuccess: (saved) => {
        setRates(saved.items);
        setStatus({ ok: true, text: t("saved") });
      },
      onError: (error) => {
        // A refused field is named by its path in the body, "rates.<index>.<field>".
        const detail = error instanceof ApiError ? error.details?.[0] : undefined;
        setStatus({
          ok: false,
          text: detail
            ? t("rowProblem", { row: Number(String(detail.path).split(".")[1]) + 1, problem: detail.message })
            : errorText(error, t("saveFailed")),
        });
      },
    });
  }

  const input = "w-full rounded border border-slate-200 px-2 py-1 text-sm";
  return (
    <div className="space-y-3">
      <table className="w-full overflow-hidden rounded-lg border border-slate-200 bg-white text-sm">
        <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className="px-3 py-2">{t("category")}</th>
            <th className="px-3 py-2">{t("callingCode")}</th>
            <th className="px-3 py-2">{t("price")}</th>
            <th className="px-3 py-2">{t("currency")}</th>
            <th className="px-3 py-2" />
          </tr>
        </thead>
        <tbody>
          {rates.map((rate, index) => (
            <tr key={index} className="border-t border-slate-100">
              <td className="px-3 py-1.5">
                <select
                  className={input}
                  value={rate.category}
                  onChange={(e) => set(index, { category: e.target.value })}
                  aria-label={t("category")}
                >
                  {categories.map((category) => (
                    <option key={category} value={category}>
                      {t("categoryName", { category })}
                    </option>
                  ))}
                </select>
              </td>
              <td className="px-3 py-1.5">
                <input
                  className={input}
                  value={rate.countryCode}
                  onChange={(e) => set(index, { countryCode: e.target.value.trim() })}
                  aria-label={t("callingCode")}
                />
              </td>
              <td className="px-3 py-1.5">
                <input
                  className={input}
                  type="number"
                  step="0.0001"
                  min="0"
                  value={rate.price}
                  onChange={(e) => set(index, { price: Number(e.target.value) })}
                  aria-label={t("price")}
                />
              </td>
              <td className="px-3 py-1.5">
                <input
                  className={input}
                  value={rate.currency}
                  onChange={(e) => set(index, { currency: e.target.value.toUpperCase() })}
                  aria-label={t("currency")}
                />
              </td>
              <td className="px-3 py-1.5 text-right">
                <Button size="sm" tone="ghost" onClick={() => setRates(rates.filter((_, i) => i !== index))} aria-label={t("removeRow")}>
                  {t("remove")}
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="flex items-center gap-2">
        <Button
          onClick={() => setRates([...rates, { category: "MARKETING", countryCode: "*", price: 0, currency: rates[0]?.currency ?? "USD" }])}
        >
          {t("add")}
        </Button>
        <Button tone="primary" onClick={save} disabled={saving}>
          {saving ? t("saving") : t("save")}
        </Button>
        {status && (
          <span role="status" className={`text-sm ${status.ok ? "text-emerald-700" : "text-red-700"}`}>
            {status.text}
          </span>
        )}
      </div>
    </div>
  );
}
