// A cart the customer sent from the catalog (type "order"). Meta sends line items with unit prices
// but no total, so the total is computed here, per currency in the unlikely case of a mix. Pure:
// used by ingest and by the thread.

export type OrderLine = { productId: string; quantity: number; itemPrice: number; currency: string; subtotal: number };
export type OrderSummary = { lines: OrderLine[]; totals: { currency: string; amount: number }[]; itemCount: number };

export function orderSummary(order: unknown): OrderSummary {
  const items = Array.isArray((order as { product_items?: unknown })?.product_items)
    ? ((order as { product_items: unknown[] }).product_items as Record<string, unknown>[])
    : [];
  const lines = items.map((item) => {
    const quantity = toNumber(item?.quantity);
    const itemPrice = toNumber(item?.item_price);
    return {
      productId: String(item?.product_retailer_id ?? "item"),
      quantity,
      itemPrice,
      currency: String(item?.currency ?? ""),
      subtotal: round(quantity * itemPrice),
    };
  });
  const totals = new Map<string, number>();
  for (const line of lines) totals.set(line.currency, round((totals.get(line.currency) ?? 0) + line.subtotal));
  return {
    lines,
    totals: [...totals].map(([currency, amount]) => ({ currency, amount })),
    itemCount: lines.reduce((sum, line) => sum + line.quantity, 0),
  };
}

/** "₪220.00", or "220.00 XYZ" when the currency code is unknown to Intl. */
export function formatMoney(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency }).format(amount);
  } catch {
    return `${amount.toFixed(2)} ${currency}`.trim();
  }
}

function toNumber(value: unknown): number {
  const number = typeof value === "number" ? value : Number(value);
  return Number.isFinite(number) ? number : 0;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
