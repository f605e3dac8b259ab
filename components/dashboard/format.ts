import type { Bucket } from "@/lib/stats/contract";

// Numbers, shares, durations, money and dates on the dashboard, through Intl in the user's locale
// (their preference, else the browser's) and the dashboard's time zone. An absent value reads "—".

export type Formats = ReturnType<typeof formats>;

const DASH = "—";

export function formats(locale: string | undefined, timeZone: string) {
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 });
  const compact = new Intl.NumberFormat(locale, { notation: "compact", maximumFractionDigits: 1 });
  const money = (currency: string, fine: boolean) =>
    new Intl.NumberFormat(locale, { style: "currency", currency, maximumFractionDigits: fine ? 4 : 2 });
  const unit = (name: "second" | "minute" | "hour" | "day") =>
    new Intl.NumberFormat(locale, { style: "unit", unit: name, unitDisplay: "short", maximumFractionDigits: 1 });
  const date = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, { timeZone, ...options });
  const buckets: Record<Bucket, Intl.DateTimeFormat> = {
    hour: date({ month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" }),
    day: date({ month: "short", day: "numeric" }),
    week: date({ month: "short", day: "numeric" }),
    month: date({ month: "short", year: "numeric" }),
  };
  const dateTime = date({ dateStyle: "medium", timeStyle: "short" });

  return {
    count: (value: number | null | undefined) => (value == null ? DASH : integer.format(value)),
    compact: (value: number) => compact.format(value),
    rate: (value: number | null | undefined) => (value == null ? DASH : percent.format(value)),
    money: (amount: number | null | undefined, currency = "USD", fine = false) =>
      amount == null ? DASH : money(currency, fine).format(amount),
    /** Seconds as the largest unit that reads well: "45 sec", "12.5 min", "3.2 hr", "2 days". */
    duration: (seconds: number | null | undefined) => {
      if (seconds == null) return DASH;
      if (seconds < 60) return unit("second").format(Math.round(seconds));
      if (seconds < 3600) return unit("minute").format(seconds / 60);
      if (seconds < 86_400) return unit("hour").format(seconds / 3600);
      return unit("day").format(seconds / 86_400);
    },
    bucket: (iso: string, bucket: Bucket) => buckets[bucket].format(new Date(iso)),
    dateTime: (iso: string | null | undefined) => (iso ? dateTime.format(new Date(iso)) : DASH),
  };
}
