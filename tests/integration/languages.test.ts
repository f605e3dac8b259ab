import { describe, expect, inject, it } from "vitest";
import { ADMIN, invitedUser } from "./accounts-support";
import { signIn } from "../support/http";

// Which language a request is answered in: the signed-in user's choice, else the browser's
// Accept-Language, else English — for pages and for the API's error sentences alike.

const page = (path: string, acceptLanguage?: string) =>
  fetch(`${inject("baseUrl")}${path}`, { headers: acceptLanguage ? { "accept-language": acceptLanguage } : {} });

const refusedInvite = (headers: Record<string, string> = {}) =>
  fetch(`${inject("baseUrl")}/api/invites/accept`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ token: "x".repeat(32), name: "Someone", password: "Harbour-lamp-1234" }),
  });

describe("languages", () => {
  it("renders the sign-in page in the browser's language, English when it speaks none of ours", async () => {
    const hindi = await (await page("/login", "hi-IN,hi;q=0.9,en;q=0.8")).text();
    expect(hindi).toContain('<html lang="hi"');
    expect(hindi).toContain("अपने इनबॉक्स में साइन इन करें");
    const tagalog = await (await page("/login", "fil-PH,fil;q=0.9")).text();
    expect(tagalog).toContain("Mag-sign in sa inbox mo");
    const english = await (await page("/login", "de-DE,de;q=0.9")).text();
    expect(english).toContain('<html lang="en"');
    expect(english).toContain("Sign in to your inbox");
  });

  it("words the API's refusals in the browser's language", async () => {
    const telugu = await refusedInvite({ "accept-language": "te" });
    expect(telugu.status).toBe(404);
    expect(((await telugu.json()) as { error: { message: string } }).error.message).toContain("ఈ ఆహ్వానం సరైనది కాదు");
    const english = await refusedInvite();
    expect(((await english.json()) as { error: { message: string } }).error.message).toBe(
      "This invitation is not valid: check that you copied all of it. Ask an admin to invite you again.",
    );
  });

  it("prefers the user's own choice to the browser's, from the next request on", async () => {
    const admin = await signIn(ADMIN);
    const { session } = await invitedUser({ admin, name: "Ravi Kumar" });
    const chosen = await session.fetch("/api/account", { method: "PATCH", body: JSON.stringify({ locale: "te" }) });
    expect(chosen.status).toBe(200);
    const refusal = await session.fetch("/api/account", {
      method: "PATCH",
      headers: { "accept-language": "hi" },
      body: JSON.stringify({ timeZone: "Mars/Olympus" }),
    });
    expect(refusal.status).toBe(400);
    expect(((await refusal.json()) as { error: { message: string } }).error.message).toBe("జాబితా నుంచి టైమ్ జోన్ ఎంచుకోండి.");
    const inbox = await (await session.fetch("/account", { headers: { "accept-language": "hi" } })).text();
    expect(inbox).toContain('<html lang="te"');
    expect(inbox).toContain("మీ ఖాతా");
  });
});
