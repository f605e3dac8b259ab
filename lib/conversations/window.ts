// WhatsApp's customer service window (docs/architecture.md, "Sending"): free-form messages are allowed for 24 h after
// the customer's latest message; outside it only approved templates may be sent.

export const SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000;

export type ServiceWindow = { open: boolean; expiresAt: Date | null; msLeft: number };

export function serviceWindow({ lastInboundAt, now = new Date() }: { lastInboundAt: Date | null; now?: Date }): ServiceWindow {
  if (!lastInboundAt) return { open: false, expiresAt: null, msLeft: 0 };
  const expiresAt = new Date(lastInboundAt.getTime() + SERVICE_WINDOW_MS);
  const msLeft = Math.max(0, expiresAt.getTime() - now.getTime());
  return { open: msLeft > 0, expiresAt, msLeft };
}
