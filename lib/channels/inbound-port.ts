import { setMarketingPreference } from "@/lib/contacts/set-marketing-preference";
import { applyReceipt } from "@/lib/conversations/apply-receipt";
import { applyReceipts } from "@/lib/conversations/apply-receipts";
import { applyWatermark } from "@/lib/conversations/apply-watermark";
import type { InboundPort } from "@/lib/conversations/channel-input";
import { notifyAdmins } from "@/lib/conversations/notify-admins";
import { receiveMessage } from "@/lib/conversations/receive-message";
import { receiveMessages } from "@/lib/conversations/receive-messages";
import { recordBusinessMessage } from "@/lib/conversations/record-business-message";
import { recordChannelActivity } from "@/lib/conversations/record-channel-activity";

// The domain's whole inbound surface, as channel adapters see it (docs/architecture.md, "Folders
// and what they may import"). An adapter imports this, never lib/conversations or lib/contacts themselves,
// so the only ways it can change conversations, messages and customers are the calls listed here,
// each taking the channel-neutral inputs of lib/conversations/channel-input.ts.

export const inboundPort: InboundPort = {
  receiveMessage,
  receiveMessages,
  applyReceipt,
  applyReceipts,
  setMarketingPreference,
  notifyAdmins,
  applyWatermark,
  recordBusinessMessage,
  recordChannelActivity,
};
