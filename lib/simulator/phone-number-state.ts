import "server-only";
import { db, type Prisma } from "@/lib/db/client";
import { numberIds } from "@/lib/whatsapp/whatsapp-number";
import { deliverWebhook } from "./deliver-webhook";
import { simulatedNumber } from "./meta-apps";

// What the simulated WhatsApp number is, in Meta's field names (GET /{phone-number-id}), kept per
// phone number: names and their review, quality, limits, the blue tick and two-step verification.

export type SimulatorNumber = {
  verified_name: string;
  name_status: "APPROVED" | "DECLINED" | "PENDING_REVIEW" | "NONE";
  new_display_name?: string;
  new_name_status: "APPROVED" | "DECLINED" | "PENDING_REVIEW" | "NONE";
  quality_rating: "GREEN" | "YELLOW" | "RED" | "UNKNOWN";
  messaging_limit_tier: string;
  throughput: { level: "STANDARD" | "HIGH" | "NOT_APPLICABLE" };
  is_official_business_account: boolean;
  official_business_account: {
    oba_status: "NOT_STARTED" | "PENDING" | "APPROVED" | "REJECTED";
    status_message?: string;
    decided_at?: string;
  };
  code_verification_status: "VERIFIED" | "NOT_VERIFIED" | "EXPIRED";
  platform_type: "CLOUD_API";
  account_mode: "LIVE" | "SANDBOX";
  /** Two-step verification is on once a PIN was set; the PIN itself is not kept. */
  two_step_enabled: boolean;
};

export const messagingTiers = ["TIER_250", "TIER_2K", "TIER_10K", "TIER_100K", "TIER_UNLIMITED"] as const;

const defaults: SimulatorNumber = {
  verified_name: "Northwind Furniture",
  name_status: "APPROVED",
  new_name_status: "NONE",
  quality_rating: "GREEN",
  messaging_limit_tier: "TIER_2K",
  throughput: { level: "STANDARD" },
  is_official_business_account: false,
  official_business_account: { oba_status: "NOT_STARTED" },
  code_verification_status: "VERIFIED",
  platform_type: "CLOUD_API",
  account_mode: "LIVE",
  two_step_enabled: false,
};

export type NumberChannel = { phoneNumberId: string; wabaId: string; displayPhoneNumber: string };

/** A number the simulated Meta has: one of its apps' (lib/simulator/meta-apps.ts), or a channel of the app's. */
export async function numberChannel(phoneNumberId: string): Promise<NumberChannel | null> {
  const known = simulatedNumber(phoneNumberId);
  if (known) return { phoneNumberId, wabaId: known.wabaId, displayPhoneNumber: known.displayPhoneNumber };
  const channel = await db.channel.findUnique({
    where: { phoneNumberId },
    select: { phoneNumberId: true, wabaId: true, displayPhoneNumber: true },
  });
  return channel ? numberIds(channel) : null;
}

export async function loadNumber(phoneNumberId: string): Promise<SimulatorNumber> {
  const row = await db.simulatorPhoneNumber.findUnique({ where: { phoneNumberId } });
  const verifiedName = simulatedNumber(phoneNumberId)?.verifiedName ?? defaults.verified_name;
  return { ...defaults, verified_name: verifiedName, ...((row?.state as Partial<SimulatorNumber> | undefined) ?? {}) };
}

export async function saveNumber(phoneNumberId: string, state: SimulatorNumber): Promise<void> {
  const json = state as unknown as Prisma.InputJsonValue;
  await db.simulatorPhoneNumber.upsert({ where: { phoneNumberId }, create: { phoneNumberId, state: json }, update: { state: json } });
}

/** A signed webhook for an account-level field (phone_number_quality_update, account_alerts, …), as Meta sends it. */
export function sendAccountWebhook({ channel, field, value }: { channel: NumberChannel; field: string; value: Record<string, unknown> }) {
  return deliverWebhook({
    object: "whatsapp_business_account",
    entry: [{ id: channel.wabaId, time: Math.floor(Date.now() / 1000), changes: [{ field, value }] }],
  });
}

/** Meta's answer about an unknown object, for ids that name no number here. */
export function unknownNumberMessage(id: string): string {
  return `Unsupported request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`;
}
