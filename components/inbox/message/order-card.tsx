import { useFormatter, useTranslations } from "next-intl";
import { orderSummary } from "@/lib/whatsapp/order-summary";
import { str, type Part } from "./content";

// A cart sent from the catalog: each product with quantity and price, and the total Meta leaves
// for us to compute.

export function OrderCard({ order }: { order: Part | undefined }) {
  const t = useTranslations("thread");
  const format = useFormatter();
  const money = (amount: number, currency: string) => format.number(amount, { style: "currency", currency });
  const summary = orderSummary(order);
  const note = str(order?.text);
  return (
    <div className="min-w-60 space-y-1" data-testid="message-order">
      <p className="font-medium">🛒 {t("order", { count: summary.itemCount })}</p>
      <table className="w-full text-xs">
        <tbody>
          {summary.lines.map((line, index) => (
            <tr key={index} className="align-top">
              <td className="py-0.5 pr-2 text-slate-700">{line.productId}</td>
              <td className="whitespace-nowrap py-0.5 pr-2 text-slate-500">
                {format.number(line.quantity)} × {money(line.itemPrice, line.currency)}
              </td>
              <td className="whitespace-nowrap py-0.5 text-right">{money(line.subtotal, line.currency)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          {summary.totals.map((total) => (
            <tr key={total.currency} className="border-t border-black/10 font-semibold" data-testid="order-total">
              <td className="pt-1" colSpan={2}>
                {t("total")}
              </td>
              <td className="whitespace-nowrap pt-1 text-right">{money(total.amount, total.currency)}</td>
            </tr>
          ))}
        </tfoot>
      </table>
      {note && <p className="whitespace-pre-wrap text-xs text-slate-700">{note}</p>}
    </div>
  );
}
