import { describe, expect, it } from "vitest";
import { MessageContent } from "@/components/inbox/message-content";
import { SendProblem } from "@/components/inbox/message/send-problem";
import { allMessages } from "@/lib/i18n/messages";
import { renderIntl } from "../support/intl";
import { messageDto } from "../support/message-dto";

// The thread speaks the reader's language, down to Meta's error codes: the server stores one
// English sentence for everyone, the bubble words the code again for whoever reads it.

const failed = messageDto({
  direction: "OUTBOUND",
  status: "FAILED",
  text: "Your table ships Monday",
  error: { code: 131047, title: "Re-engagement message", details: null },
});

describe("a failed send", () => {
  it("explains Meta's code in Hindi to a Hindi reader, keeping the code", () => {
    const html = renderIntl(<SendProblem message={failed} channel="whatsapp" onSendAction={async () => {}} />, { locale: "hi" });
    expect(html).toContain(allMessages.hi.metaErrors.explanation["131047"]);
    expect(html).toContain("(131047)");
    expect(html).not.toContain(allMessages.en.metaErrors.explanation["131047"]);
    expect(html).toContain(allMessages.hi.thread.retry);
  });

  it("keeps Meta's own title when Switchboard has no words for the code", () => {
    const unknown = { ...failed, error: { code: 99999, title: "Some new Meta error", details: null } };
    const html = renderIntl(<SendProblem message={unknown} channel="whatsapp" onSendAction={async () => {}} />, { locale: "bn" });
    expect(html).toContain("Some new Meta error");
    expect(html).toContain("ডেলিভার হয়নি");
  });
});

describe("a message in Telugu and Tagalog", () => {
  it("names an unsupported message and WhatsApp's reason in the reader's language", () => {
    const html = renderIntl(<MessageContent message={messageDto({ type: "unsupported", content: {} })} />, { locale: "te" });
    expect(html).toContain(allMessages.te.thread.cantShow);
    expect(html).toContain(allMessages.te.metaErrors.explanation["131051"]);
  });

  it("counts an order's items with the language's plural", () => {
    const order = messageDto({
      type: "order",
      content: { order: { product_items: [{ product_retailer_id: "OAK", quantity: 4, item_price: 100, currency: "INR" }] } },
    });
    expect(renderIntl(<MessageContent message={order} />, { locale: "tl" })).toContain("Order · 4 na item");
    expect(renderIntl(<MessageContent message={order} />)).toContain("Order · 4 items");
  });
});
