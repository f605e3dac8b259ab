// The statistics' dimensions, message kinds and bucket sizes as plain data: the dashboard's
// browser code imports these without the validation code (zod probes for eval when a schema is
// defined, which the pages' Content-Security-Policy reports). lib/stats/contract.ts re-exports them.

/** channelType: WhatsApp or Messenger, read from the inbox column by the channel's kind. */
export const dimensions = ["inbox", "channelType", "agent", "team", "template", "kind", "category", "pricing", "country", "label"] as const;
export type Dimension = (typeof dimensions)[number];

/** What an outbound message is, as the dashboards tell them apart. */
export const messageKinds = ["template", "text", "interactive", "media", "flow"] as const;
export type MessageKind = (typeof messageKinds)[number];

export const buckets = ["hour", "day", "week", "month"] as const;
export type Bucket = (typeof buckets)[number];
