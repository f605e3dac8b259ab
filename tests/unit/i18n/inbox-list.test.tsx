import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { PresenceBar } from "@/components/inbox/presence-bar";
import { BillingBadge, WindowBadge } from "@/components/inbox/window-badge";
import type { Locale } from "@/lib/i18n/locales";
import { allMessages } from "@/lib/i18n/messages";

// The inbox's countdowns, badges and presence line in the agent's language: durations through
// Intl's units (Bengali digits in Bengali), the same English as before.

const NOW = new Date("2026-03-05T10:00:00Z");
const HOUR = 3_600_000;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(NOW);
});

afterEach(() => {
  vi.useRealTimers();
});

function render(locale: Locale, node: ReactNode): string {
  const html = renderToStaticMarkup(
    <NextIntlClientProvider locale={locale} messages={allMessages[locale]} timeZone="UTC" now={NOW}>
      {node}
    </NextIntlClientProvider>,
  );
  return html.replace(/<[^>]+>/g, "");
}

const inHours = (hours: number) => new Date(NOW.getTime() + hours * HOUR).toISOString();

describe("the window badge", () => {
  it("counts down in English as it always read", () => {
    expect(render("en", <WindowBadge expiresAt={inHours(5 + 7 / 60)} />)).toBe("5h 07m left to reply");
    expect(render("en", <WindowBadge expiresAt={inHours(0.75)} compact />)).toBe("45m");
    expect(render("en", <WindowBadge expiresAt={inHours(52)} kind="free_entry_point" />)).toBe("Free entry point · 2d 4h left");
    expect(render("en", <WindowBadge expiresAt={inHours(-1)} />)).toBe("24 h window closed");
    expect(render("en", <WindowBadge expiresAt={inHours(-1)} compact />)).toBe("closed");
  });

  it("counts down in the agent's language and digits", () => {
    const bengali = render("bn", <WindowBadge expiresAt={inHours(5 + 7 / 60)} />);
    expect(bengali).toContain("উত্তর দিতে আর");
    expect(bengali).toContain("৫");
    expect(bengali).toContain("০৭");
    expect(bengali).not.toMatch(/[0-9]/);
    expect(render("hi", <WindowBadge expiresAt={inHours(-1)} />)).toBe("24 घंटे की विंडो बंद");
  });

  it("names the billing category and whether it costs", () => {
    const billing = { category: "referral_conversion", type: "free_entry_point", billable: false };
    expect(render("en", <BillingBadge billing={billing} />)).toBe("free entry point · free");
    expect(render("en", <BillingBadge billing={{ category: "marketing", type: "regular", billable: null }} />)).toBe(
      "marketing · billable",
    );
    expect(render("hi", <BillingBadge billing={{ category: "utility", type: "regular", billable: true }} />)).toBe("यूटिलिटी · चार्ज होगा");
    expect(render("en", <BillingBadge billing={{ category: "something_new", type: "regular", billable: true }} />)).toBe(
      "something new · billable",
    );
  });
});

describe("who else is here", () => {
  const viewer = (id: string, name: string, typing = false) => ({ id, name, typing });

  it("names one viewer, or several as a list, with the right verb", () => {
    expect(
      render("en", <PresenceBar presence={{ conversationId: "c", viewers: [viewer("me", "Me"), viewer("s", "Sam Support")] }} me="me" />),
    ).toContain("Sam Support is also viewing");
    const two = { conversationId: "c", viewers: [viewer("a", "Alex", true), viewer("s", "Sam", true)] };
    expect(render("en", <PresenceBar presence={two} me="me" />)).toContain("Alex and Sam are typing…");
    expect(render("tl", <PresenceBar presence={two} me="me" />)).toContain("Nagta-type sina Alex at Sam…");
  });
});
