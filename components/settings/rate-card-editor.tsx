"use client";

import { useState } from "react";
import { ApiError, failureText } from "@/components/api/client";
import { useSaveRateCard } from "@/components/api/mutations";
import { Button } from "@/components/ui/button";
import { rateCategories as categories, type Rate } from "@/lib/billing/estimate-cost";

export function RateCardEditor({ initial }: { initial: Rate[] }) {
  const [rates, setRates] = useState(initial);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const saveRates = useSaveRateCard();
  const saving = saveRates.isPending;
  const set = (index: number, changes: Partial<Rate>) => setRates(rates.map((rate, i) => (i === index ? { ...rate, ...changes } : rate)));

  function save() {
    saveRates.mutate(rates, {
      onSuccess: (saved) => {
        setRates(saved.items);
        setStatus({ ok: true, text: "Saved. New estimates use these rates." });
      },
      onError: (error) => {
        // A refused field is named by its path in the body, "rates.<index>.<field>".
        const detail = error instanceof ApiError ? error.details?.[0] : undefined;
        setStatus({
          ok: false,
          text: detail ? `Row ${Number(String(detail.path).split(".")[1]) + 1}: ${detail.message}` : failureText(error, "Could not save."),
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
            <th className="px-3 py-2">Category</th>
            <th className="px-3 py-2">Calling code</th>
            <th className="px-3 py-2">Price</th>
            <th className="px-3 py-2">Currency</th>
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
                  aria-label="Category"
                >
                  {categories.map((category) => (
                    <option key={category} value={category}>
                      {category.toLowerCase().replace(/_/g, " ")}
                    </option>
                  ))}
                </select>
              </td>
              <td className="px-3 py-1.5">
                <input
                  className={input}
                  value={rate.countryCode}
                  onChange={(e) => set(index, { countryCode: e.target.value.trim() })}
                  aria-label="Calling code"
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
                  aria-label="Price"
                />
              </td>
              <td className="px-3 py-1.5">
                <input
                  className={input}
                  value={rate.currency}
                  onChange={(e) => set(index, { currency: e.target.value.toUpperCase() })}
                  aria-label="Currency"
                />
              </td>
              <td className="px-3 py-1.5 text-right">
                <Button size="sm" tone="ghost" onClick={() => setRates(rates.filter((_, i) => i !== index))} aria-label="Remove row">
                  Remove
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
          Add a rate
        </Button>
        <Button tone="primary" onClick={save} disabled={saving}>
          {saving ? "Saving…" : "Save rate card"}
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
