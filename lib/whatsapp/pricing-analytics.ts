import "server-only";
import { graphRequest } from "./graph-client";

// GET /{waba-id}?fields=pricing_analytics…: what Meta charged the WhatsApp Business Account, per
// day, pricing category and country (Meta's own figures, beside the rate card's estimate).

export type PricingDataPoint = {
  start: number;
  end: number;
  country?: string;
  pricing_category?: string;
  pricing_type?: string;
  volume?: number;
  cost?: number;
};

type PricingAnalyticsReply = { pricing_analytics?: { data?: { data_points?: PricingDataPoint[] }[] }; id?: string };

/** Meta's daily figures for [start, end), both Unix seconds. */
export async function fetchPricingAnalytics({
  wabaId,
  phoneNumberId,
  start,
  end,
}: {
  wabaId: string;
  /** A number of the account, whose credentials are used. */
  phoneNumberId: string;
  start: number;
  end: number;
}): Promise<PricingDataPoint[]> {
  const fields = `pricing_analytics.start(${start}).end(${end}).granularity(DAILY).dimensions(["PRICING_CATEGORY","COUNTRY"])`;
  const reply = await graphRequest<PricingAnalyticsReply>({
    as: { phoneNumberId },
    method: "GET",
    path: `${wabaId}?fields=${encodeURIComponent(fields)}`,
  });
  return (reply.pricing_analytics?.data ?? []).flatMap((entry) => entry.data_points ?? []);
}
