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

// Messenger's windows (Meta's Messenger Platform policy): a normal reply (messaging_type RESPONSE)
// within 24 h of the customer's last message; from 24 h to 7 days only a person's reply with the
// HUMAN_AGENT tag, and only from a Page whose app has the Human Agent permission; after 7 days
// nothing until the customer writes again.

export const HUMAN_AGENT_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

export type MessengerWindow = {
  /** open: reply freely; human_agent: only with the HUMAN_AGENT tag; closed: no reply at all. */
  state: "open" | "human_agent" | "closed";
  /** When the 24 h window ends (or ended). */
  expiresAt: Date | null;
  /** When the 7 days of the HUMAN_AGENT tag end (or ended). */
  humanAgentExpiresAt: Date | null;
};

export function messengerWindow({ lastInboundAt, now = new Date() }: { lastInboundAt: Date | null; now?: Date }): MessengerWindow {
  if (!lastInboundAt) return { state: "closed", expiresAt: null, humanAgentExpiresAt: null };
  const expiresAt = new Date(lastInboundAt.getTime() + SERVICE_WINDOW_MS);
  const humanAgentExpiresAt = new Date(lastInboundAt.getTime() + HUMAN_AGENT_WINDOW_MS);
  const state = now < expiresAt ? "open" : now < humanAgentExpiresAt ? "human_agent" : "closed";
  return { state, expiresAt, humanAgentExpiresAt };
}
