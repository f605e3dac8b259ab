import { describe, expect, inject, it } from "vitest";
import { uniqueWaId } from "./factories";

// The simulator speaks the language of whoever opens it, as every page does: its controls, the
// lines its phone shows for what the customer sent, and its refusals. The customer's own words are
// data and stay as typed.

const url = (path: string) => `${inject("baseUrl")}${path}`;
const thread = (waId: string, acceptLanguage?: string, query = "") =>
  fetch(url(`/api/simulator/customers/${waId}/messages${query}`), { headers: acceptLanguage ? { "accept-language": acceptLanguage } : {} });

describe("the simulator's language", () => {
  it("renders the customer's phone in the browser's language", async () => {
    const hindi = await (await fetch(url("/simulator"), { headers: { "accept-language": "hi-IN,hi;q=0.9" } })).text();
    expect(hindi).toContain('<html lang="hi"');
    expect(hindi).toContain("ग्राहक सिम्युलेटर · Switchboard");
    expect(hindi).toContain("अभी कोई मैसेज नहीं। बिज़नेस को हैलो कहें।");
    const english = await (await fetch(url("/simulator?channel=messenger"))).text();
    expect(english).toContain("Customer simulator · Switchboard");
    expect(english).toContain("Page-scoped id (PSID)");
  });

  it("words the phone's lines in the reader's language and leaves the customer's words alone", async () => {
    const waId = uniqueWaId();
    const send = (message: Record<string, unknown>) =>
      fetch(url(`/api/simulator/customers/${waId}/messages`), {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: "Anjali Rao", ...message }),
      });
    expect((await send({ text: "Namaste, is the oak desk in stock?" })).status).toBe(201);
    const order = await send({
      kind: "order",
      items: [
        { productId: "DESK-OAK", quantity: 1, price: 499, currency: "INR" },
        { productId: "CHAIR", quantity: 2, price: 129, currency: "INR" },
      ],
    });
    expect(order.status).toBe(201);

    const lines = async (acceptLanguage?: string) =>
      ((await (await thread(waId, acceptLanguage)).json()) as { items: { text: string }[] }).items.map((item) => item.text);
    expect(await lines("bn")).toEqual(["Namaste, is the oak desk in stock?", "🛒 অর্ডার (২টি প্রোডাক্ট)"]);
    expect(await lines("te")).toEqual(["Namaste, is the oak desk in stock?", "🛒 ఆర్డర్ (2 ప్రోడక్ట్‌లు)"]);
    expect(await lines()).toEqual(["Namaste, is the oak desk in stock?", "🛒 Order (2 products)"]);
  });

  it("refuses in the caller's language", async () => {
    const refused = await thread(uniqueWaId(), "tl", "?business=123456789");
    expect(refused.status).toBe(404);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toBe(
      "Walang business number na 123456789 ang simulated Meta.",
    );
  });
});
