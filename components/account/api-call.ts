"use client";

// The browser's side of the users, invitations and account API. Every request is JSON (the server
// refuses state changes in any other type), and a refusal carries the server's sentence, which the
// forms show as it is.
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly fields: { path: string; message: string }[] = [],
  ) {
    super(message);
  }
}

export async function call<T>(url: string, method = "GET", body?: unknown): Promise<T> {
  const response = await fetch(url, {
    method,
    headers: { "content-type": "application/json" },
    body: method === "GET" ? undefined : JSON.stringify(body ?? {}),
    cache: "no-store",
  });
  const json = await response.json().catch(() => null);
  if (!response.ok) {
    const details = Array.isArray(json?.error?.details) ? json.error.details : [];
    throw new ApiError(json?.error?.message ?? `Something went wrong (HTTP ${response.status}). Try again.`, response.status, details);
  }
  return json as T;
}
