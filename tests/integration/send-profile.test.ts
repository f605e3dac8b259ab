import { describe, expect, inject, it } from "vitest";
import { simulatorGraph } from "./sending";

// The simulated business profile endpoint keeps Meta's limits (reference §5).

describe("GET/POST /{phone-number-id}/whatsapp_business_profile (simulator)", () => {
  const path = () => `${inject("phoneNumberId")}/whatsapp_business_profile`;

  it("answers with the requested fields in Meta's data[] shape and stores valid changes", async () => {
    const about = `Solid wood furniture · ${Date.now()}`;
    expect(
      await simulatorGraph("POST", path(), {
        messaging_product: "whatsapp",
        about,
        websites: ["https://northwind.example", "https://shop.northwind.example"],
        vertical: "RETAIL",
      }),
    ).toEqual({
      status: 200,
      body: { success: true },
    });
    const { status, body } = await simulatorGraph("GET", `${path()}?fields=about,websites,vertical`);
    expect(status).toBe(200);
    expect(body).toEqual({
      data: [
        {
          about,
          websites: ["https://northwind.example", "https://shop.northwind.example"],
          vertical: "RETAIL",
          messaging_product: "whatsapp",
        },
      ],
    });
  });

  it.each([
    {
      field: "about over 139 characters",
      change: { about: "a".repeat(140) },
      message: "(#100) Param about must be at most 139 characters long.",
    },
    { field: "an empty about", change: { about: "" }, message: "(#100) Param about must be at least 1 character long." },
    {
      field: "description over 512 characters",
      change: { description: "d".repeat(513) },
      message: "(#100) Param description must be at most 512 characters long.",
    },
    { field: "a malformed email", change: { email: "hello at northwind" }, message: "(#100) Param email is not a valid email address." },
    {
      field: "three websites",
      change: { websites: ["https://a.example", "https://b.example", "https://c.example"] },
      message: expect.stringContaining("at most 2"),
    },
    { field: "a website without http(s)", change: { websites: ["northwind.example"] }, message: expect.stringContaining("http://") },
    { field: "an unknown vertical", change: { vertical: "FURNITURE" }, message: expect.stringContaining("Param vertical must be one of") },
    {
      field: "no messaging_product",
      change: { messaging_product: undefined, about: "Hi" },
      message: "(#100) The parameter messaging_product is required.",
    },
  ])("refuses $field with Meta's error 100", async ({ change, message }) => {
    const response = await simulatorGraph("POST", path(), { messaging_product: "whatsapp", ...change });
    expect(response).toMatchObject({ status: 400, body: { error: { code: 100, type: "OAuthException", message } } });
  });
});
