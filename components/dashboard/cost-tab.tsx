"use client";

import { useTranslations } from "next-intl";
import { useErrorText } from "@/components/i18n/use-error-text";
import { useCostStats } from "@/components/api/hooks";
import { useRefreshCost } from "@/components/api/mutations";
import { Button } from "@/components/ui/button";
import type { CostStats } from "@/lib/stats/contract";
import { CsvLink } from "./csv-link";
import { useDashboard } from "./dashboard-context";
import { Empty, Loaded, Section } from "./states";
import { Tile } from "./tile";

// What WhatsApp costs: the estimate from the admins' rate card by category and country, and Meta's
// own figures (pricing_analytics) beside it when they have been fetched for the range.

export function CostTab() {
  const t = useTranslations("dashboard");
  const errorText = useErrorText();
  const { state, format } = useDashboard();
  const query = useCostStats(state.params);
  const refresh = useRefreshCost();
  return (
    <Loaded query={query} rows={6}>
      {(cost) => {
        const difference = cost.meta ? cost.meta.amount - cost.estimated.amount : null;
        return (
          <div className="space-y-4">
            <div className="grid grid-cols-2 gap-2 md:grid-cols-5">
              <Tile label={t("cost.estimated")} value={format.money(cost.estimated.amount, cost.currency)} testId="cost-estimated" />
              <Tile label={t("cost.billable")} value={format.count(cost.estimated.billable)} />
              <Tile label={t("cost.free")} value={format.count(cost.estimated.free)} tone="good" />
              <Tile
                label={t("cost.metaFigure")}
                value={cost.meta ? format.money(cost.meta.amount, cost.currency) : "—"}
                note={
                  cost.meta
                    ? t("cost.metaNote", {
                        count: cost.meta.volume,
                        volume: format.count(cost.meta.volume),
                        date: format.dateTime(cost.meta.fetchedAt),
                      })
                    : t("cost.notFetched")
                }
                testId="cost-meta"
              />
              <Tile
                label={t("cost.difference")}
                value={difference === null ? "—" : `${difference > 0 ? "+" : ""}${format.money(difference, cost.currency)}`}
                tone={difference && Math.abs(difference) > 0.005 ? "warn" : "plain"}
                testId="cost-difference"
              />
            </div>
            <div className="flex items-center gap-3">
              <Button size="sm" onClick={() => refresh.mutate(state.params)} disabled={refresh.isPending} data-testid="cost-refresh">
                {refresh.isPending ? t("cost.asking") : t("cost.refresh")}
              </Button>
              {refresh.isError && (
                <span role="alert" className="text-xs text-red-700">
                  {errorText(refresh.error, t("cost.fetchFailed"))}
                </span>
              )}
              {refresh.data &&
                (refresh.data.problems.length === 0 ? (
                  <span className="text-xs text-slate-500">{t("cost.upToDate")}</span>
                ) : (
                  <span role="alert" className="text-xs text-amber-700">
                    {t("cost.partial", { problems: refresh.data.problems.map((problem) => problem.message).join("; ") })}
                  </span>
                ))}
            </div>
            <Section title={t("cost.byCategoryCountry")} actions={<CsvLink path="cost" params={state.params} />}>
              <CostRows cost={cost} />
            </Section>
            {cost.meta && cost.meta.byCategory.length > 0 && (
              <Section title={t("cost.metaByCategory")}>
                <table className="w-full text-sm">
                  <thead className="text-left text-xs text-slate-500">
                    <tr>
                      <th className="py-1.5 font-medium">{t("cost.category")}</th>
                      <th className="py-1.5 text-right font-medium">{t("cost.messages")}</th>
                      <th className="py-1.5 text-right font-medium">{t("cost.amount")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {cost.meta.byCategory.map((row) => (
                      <tr key={row.category} className="border-t border-slate-100">
                        <td className="py-1.5">{t("category", { category: row.category.toLowerCase() })}</td>
                        <td className="py-1.5 text-right tabular-nums">{format.count(row.volume)}</td>
                        <td className="py-1.5 text-right tabular-nums">{format.money(row.amount, cost.currency)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </Section>
            )}
          </div>
        );
      }}
    </Loaded>
  );
}

function CostRows({ cost }: { cost: CostStats }) {
  const t = useTranslations("dashboard");
  const { format, drill } = useDashboard();
  if (cost.rows.length === 0) return <Empty>{t("noMessages")}</Empty>;
  return (
    <table className="w-full text-sm" data-testid="cost-table">
      <thead className="text-left text-xs text-slate-500">
        <tr>
          {[t("cost.category"), t("cost.country"), t("cost.billableShort"), t("cost.freeShort"), t("cost.priceEach"), t("cost.amount")].map(
            (heading, index) => (
              <th key={heading} className={`px-2 py-1.5 font-medium ${index > 1 ? "text-right" : ""}`}>
                {heading}
              </th>
            ),
          )}
        </tr>
      </thead>
      <tbody>
        {cost.rows.map((row) => (
          <tr key={`${row.category}:${row.country}`} className="border-t border-slate-100 hover:bg-slate-50">
            <td className="px-2 py-1.5">{t("category", { category: row.category.toLowerCase() })}</td>
            <td className="px-2 py-1.5">{row.country}</td>
            <td className="px-2 py-1.5 text-right tabular-nums">
              {/* A row without a category or a known country has nothing the filters could name. */}
              {row.category !== "unpriced" && /^[A-Z]{2}$/.test(row.country) && row.billable > 0 ? (
                <button
                  type="button"
                  className="rounded px-1 hover:bg-brand-50 hover:text-brand-700"
                  onClick={() =>
                    drill({
                      title: t("cost.billableTitle", { category: row.category.toLowerCase(), country: row.country }),
                      narrow: { category: row.category, country: row.country, pricing: "billable" },
                    })
                  }
                >
                  {format.count(row.billable)}
                </button>
              ) : (
                format.count(row.billable)
              )}
            </td>
            <td className="px-2 py-1.5 text-right tabular-nums">{format.count(row.free)}</td>
            <td className="px-2 py-1.5 text-right tabular-nums">
              {row.unitPrice === null ? t("cost.noRate") : format.money(row.unitPrice, cost.currency, true)}
            </td>
            <td className="px-2 py-1.5 text-right font-semibold tabular-nums">{format.money(row.amount, cost.currency)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
