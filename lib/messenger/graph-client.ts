import { pageCredentialsFor } from "@/lib/channels/page-credentials";
import { config } from "@/lib/config";
import { mayHaveArrived } from "@/lib/http/may-have-arrived";

// The Messenger Platform's side of the Graph API: the Send API, sender actions, the Attachment
// Upload API, the User Profile API and a Page's own fields. Every call names the Page it acts for
// and carries that Page's access token (lib/channels/page-credentials.ts). In simulator mode the
// built-in simulator answers, in Meta's shapes.

export class MessengerGraphError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: number | null,
    readonly subcode: number | null,
    readonly retryable: boolean,
    // The request may have been carried out: no answer saying so or refusing it came back (a
    // timeout, a dropped connection, a gateway's 5xx). Sending again could repeat it.
    readonly ambiguous = false,
  ) {
    super(message);
    this.name = "MessengerGraphError";
  }
}

// Meta's transient codes: 1 and 2 (unknown / service), 4, 17, 32 and 613 (rate limits), 1200
// (temporary send failure).
const retryableCodes = new Set([1, 2, 4, 17, 32, 613, 1200]);

/** On whose behalf a call is made: a Page (its own token), or a token being checked. */
export type PageCaller = { pageId: string } | { accessToken: string };

async function tokenOf(caller: PageCaller): Promise<string> {
  if ("accessToken" in caller) return caller.accessToken;
  const credentials = await pageCredentialsFor(caller.pageId);
  if (!credentials) throw new MessengerGraphError(`No credentials for Page ${caller.pageId}`, 0, 190, null, false);
  return credentials.accessToken;
}

function graphUrl(): string {
  return config().messenger?.graphUrl ?? config().whatsapp.graphUrl;
}

export async function messengerGraphRequest<T>({
  method,
  path,
  body,
  form,
  as,
}: {
  method: "GET" | "POST";
  path: string;
  body?: unknown;
  form?: FormData;
  as: PageCaller;
}): Promise<T> {
  const accessToken = await tokenOf(as);
  let response: Response;
  try {
    response = await fetch(`${graphUrl()}/${path.replace(/^\/+/, "")}`, {
      method,
      headers: { authorization: `Bearer ${accessToken}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: form ?? (body === undefined ? undefined : JSON.stringify(body)),
      signal: AbortSignal.timeout(config().whatsapp.graphTimeoutMs),
    });
  } catch (error) {
    throw new MessengerGraphError(`Could not reach the Graph API: ${(error as Error).message}`, 0, null, null, true, mayHaveArrived(error));
  }
  let text: string | null;
  try {
    text = await response.text();
  } catch (error) {
    text = null;
    if (response.ok || response.status >= 500) {
      throw new MessengerGraphError(
        `The Graph API's answer was cut off: ${(error as Error).message}`,
        response.status,
        null,
        null,
        true,
        true,
      );
    }
  }
  const json = parseJson(text) as (T & { error?: { message?: string; code?: number; error_subcode?: number } }) | null;
  if (response.ok && json && !json.error) return json;
  const error = json?.error;
  const code = typeof error?.code === "number" ? error.code : null;
  const subcode = typeof error?.error_subcode === "number" ? error.error_subcode : null;
  throw new MessengerGraphError(
    error?.message ?? `Graph API answered ${response.status}`,
    response.status,
    code,
    subcode,
    response.status === 429 || response.status >= 500 || (code !== null && retryableCodes.has(code)),
    // Meta's own error object is a refusal. Without one, a 2xx that could not be read or a 5xx
    // leaves the outcome unknown.
    !error && (response.ok || response.status >= 500),
  );
}

function parseJson(text: string | null): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
