import { describe, expect, it } from "vitest";
import { locales } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";

// The invitation and password-reset e-mails render in every language, with and without a name,
// keeping the link and the expiry intact.

const link = "https://switchboard.example/invite?token=abc123";
const expires = "1 Dec 2026, 10:00 UTC";

describe.each(locales)("e-mails in %s", (locale) => {
  const t = translator(locale);

  it("invites, greeting by name when there is one", () => {
    const named = t("email.inviteBody", { hasName: "yes", name: "Asha", inviter: "Olu", role: "MANAGER", link, expires });
    const unnamed = t("email.inviteBody", { hasName: "no", name: "", inviter: "Olu", role: "AGENT", link, expires });
    expect(named).toContain("Asha");
    expect(unnamed).not.toContain("Asha");
    for (const body of [named, unnamed]) {
      expect(body).toContain(link);
      expect(body).toContain(expires);
      expect(body).toContain("Olu");
      expect(body).not.toMatch(/[{}]/);
    }
    expect(t("email.inviteSubject", { inviter: "Olu" })).toContain("Olu");
  });

  it("sends a password-reset link", () => {
    const body = t("email.resetBody", { name: "Asha", admin: "Olu", link, expires });
    expect(body).toContain(link);
    expect(body).toContain(expires);
    expect(t("email.resetSubject")).not.toBe("");
  });
});
