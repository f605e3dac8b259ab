// Signing in as the login page does, through next-auth's credentials endpoint: used by the test
// suites and the benchmarks to get a session cookie.

/** Signs in through next-auth's credentials endpoint, as the login page does; returns the cookie. */
export async function signInCookie(baseUrl: string, email: string, password = "switchboard"): Promise<string> {
  const jar = new Map<string, string>();
  const remember = (response: Response) => {
    for (const header of response.headers.getSetCookie()) {
      const [pair = ""] = header.split(";");
      const index = pair.indexOf("=");
      jar.set(pair.slice(0, index), pair.slice(index + 1));
    }
  };
  const cookie = () => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");

  const csrfResponse = await fetch(`${baseUrl}/api/auth/csrf`);
  remember(csrfResponse);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  remember(response);
  if (![...jar.keys()].some((name) => name.includes("session-token"))) {
    throw new Error(`Sign-in as ${email} failed (HTTP ${response.status})`);
  }
  return cookie();
}
