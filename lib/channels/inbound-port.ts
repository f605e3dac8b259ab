import { setMarketingPreference } from "@/lib/contacts/set-marketing-preference";
import { applyReceipt } from "@/lib/inbox/apply-receipt";
import type { InboundPort } from "@/lib/inbox/channel-input";
import { receiveMessage } from "@/lib/inbox/receive-message";

// The domain's whole inbound surface, as channel adapters see it (docs/architecture.md, "Folders
// and what they may import"). An adapter imports this, never lib/inbox or lib/contacts themselves,
// so the only ways it can change conversations, messages and customers are the calls listed here,
// each taking the channel-neutral inputs of lib/inbox/channel-input.ts.

export const inboundPort: InboundPort = { receiveMessage, applyReceipt, setMarketingPreference };
