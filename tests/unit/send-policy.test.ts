import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { checkSendPolicy, type PolicyTemplate } from "@/lib/conversations/send-policy";
import { inEnglish } from "../support/in-english";

const contact = { marketingOptOut: false, blockedAt: null };
const template = (overrides: Partial<PolicyTemplate> = {}): PolicyTemplate => ({
  name: "order_update",
  language: "en_US",
  status: "APPROVED",
  category: "UTILITY",
  ...overrides,
});

function refusal(run: () => void): { code: string; message: string } | null {
  try {
    run();
    return null;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { code: error.code, message: inEnglish(error) };
  }
}

const enabled = { disabledAt: null };

describe("checkSendPolicy", () => {
  it.each([
    { case: "free-form inside the window", kind: "free_form", windowOpen: true, code: null },
    { case: "free-form outside the window", kind: "free_form", windowOpen: false, code: "WINDOW_CLOSED" },
    { case: "approved template outside the window", kind: "template", windowOpen: false, tpl: template(), code: null },
    { case: "approved marketing template", kind: "template", windowOpen: false, tpl: template({ category: "MARKETING" }), code: null },
    { case: "pending template", kind: "template", windowOpen: true, tpl: template({ status: "PENDING" }), code: "UNPROCESSABLE" },
    { case: "rejected template", kind: "template", windowOpen: true, tpl: template({ status: "REJECTED" }), code: "UNPROCESSABLE" },
    { case: "deleted template", kind: "template", windowOpen: true, tpl: template({ status: "DELETED" }), code: "UNPROCESSABLE" },
  ] as const)("$case → $code", ({ kind, windowOpen, code, ...rest }) => {
    const tpl = "tpl" in rest ? rest.tpl : undefined;
    expect(refusal(() => checkSendPolicy({ kind, windowOpen, template: tpl, contact, channel: enabled }))?.code ?? null).toBe(code);
  });

  it("refuses marketing to a customer who opted out, but not utility", () => {
    const optedOut = { marketingOptOut: true, blockedAt: null };
    expect(
      refusal(() =>
        checkSendPolicy({
          kind: "template",
          windowOpen: true,
          template: template({ category: "MARKETING" }),
          contact: optedOut,
          channel: enabled,
        }),
      ),
    ).toMatchObject({
      code: "UNPROCESSABLE",
      message: expect.stringContaining("stopped marketing"),
    });
    expect(
      refusal(() => checkSendPolicy({ kind: "template", windowOpen: true, template: template(), contact: optedOut, channel: enabled })),
    ).toBeNull();
    expect(refusal(() => checkSendPolicy({ kind: "free_form", windowOpen: true, contact: optedOut, channel: enabled }))).toBeNull();
  });

  it("refuses everything to a blocked customer", () => {
    const blocked = { marketingOptOut: false, blockedAt: new Date() };
    expect(refusal(() => checkSendPolicy({ kind: "free_form", windowOpen: true, contact: blocked, channel: enabled }))?.message).toContain(
      "blocked",
    );
    expect(
      refusal(() => checkSendPolicy({ kind: "template", windowOpen: true, template: template(), contact: blocked, channel: enabled }))
        ?.code,
    ).toBe("UNPROCESSABLE");
  });

  it("explains a template that is not approved in words", () => {
    expect(
      refusal(() =>
        checkSendPolicy({
          kind: "template",
          windowOpen: true,
          template: template({ status: "PENDING_DELETION" }),
          contact,
          channel: enabled,
        }),
      )?.message,
    ).toBe('The template "order_update" (en_US) is pending deletion at Meta: only approved templates can be sent.');
  });

  it("refuses everything through a disabled channel, before any other rule", () => {
    const disabled = { disabledAt: new Date() };
    for (const kind of ["free_form", "template"] as const) {
      expect(refusal(() => checkSendPolicy({ kind, windowOpen: true, template: template(), contact, channel: disabled }))).toMatchObject({
        code: "UNPROCESSABLE",
        message: expect.stringContaining("disabled"),
      });
    }
  });
});
