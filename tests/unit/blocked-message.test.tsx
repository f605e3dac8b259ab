import { describe, expect, it } from "vitest";
import { MessageContent } from "@/components/inbox/message-content";
import { renderIntl } from "../support/intl";
import { messageDto } from "../support/message-dto";

// A message a blocked customer sent is kept in the thread and says so.

const render = (overrides: Parameters<typeof messageDto>[0]) => renderIntl(<MessageContent message={messageDto(overrides)} />);

describe("a message received while the customer was blocked", () => {
  it("carries the words 'received while blocked' under its text", () => {
    const html = render({ text: "Please answer", receivedWhileBlocked: true });
    expect(html).toContain("Please answer");
    expect(html).toMatch(/data-testid="message-blocked"[^>]*>received while blocked</);
  });

  it("says so even once the customer deleted it", () => {
    expect(render({ deleted: true, receivedWhileBlocked: true })).toContain("received while blocked");
  });

  it("is not marked otherwise", () => {
    expect(render({ text: "Please answer" })).not.toContain("received while blocked");
  });
});
