import { credentialsFor } from "@/lib/channels/credentials";
import { config } from "@/lib/config";
import { mayHaveArrived } from "@/lib/http/may-have-arrived";

// The Graph API client: the one way Switchboard talks to Meta (or, in simulator mode, to the
// built-in simulator, which answers in Meta's shapes). The base URL comes from WHATSAPP_GRAPH_URL.

export class GraphError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: number | null,
    readonly details: string | null,
    readonly retryable: boolean,
    // The whole answer, for endpoints whose errors carry per-item results (block_users).
    readonly body: unknown = null,
    // The request may have been carried out: it reached Meta, but no answer saying so or refusing
    // it came back (a timeout, a dropped connection, a gateway's 5xx). Sending again could repeat it.
    readonly ambiguous = false,
  ) {
    super(message);
    this.name = "GraphError";
  }
}

// Meta's throttling and transient codes: worth another try later.
const retryableCodes = new Set([1, 2, 4, 17, 80007, 130429, 131000, 131056, 131057, 133004]);

/** On whose behalf a call is made: a number (its own credentials), or a token being checked. */
export type GraphCaller = { phoneNumberId: string } | { accessToken: string };

export async function accessTokenOf(caller: GraphCaller): Promise<string> {
  return "accessToken" in caller ? caller.accessToken : (await credentialsFor(caller.phoneNumberId)).accessToken;
}

export async function graphRequest<T>({
  method,
  path,
  body,
  form,
  bytes,
  as,
}: {
  method: "GET" | "POST" | "DELETE";
  path: string;
  body?: unknown;
  // A multipart body (media uploads); fetch sets its content type with the boundary.
  form?: FormData;
  // Raw bytes with their own headers: the Resumable Upload API's POST /upload:<session>, which
  // Meta authorises with "OAuth <token>" rather than "Bearer".
  bytes?: { data: Uint8Array; headers: Record<string, string> };
  as: GraphCaller;
}): Promise<T> {
  const accessToken = await accessTokenOf(as);
  let response: Response;
  try {
    response = await fetch(`${config().whatsapp.graphUrl}/${path.replace(/^\/+/, "")}`, {
      method,
      headers: bytes
        ? { authorization: `OAuth ${accessToken}`, "content-type": "application/octet-stream", ...bytes.headers }
        : {
            authorization: `Bearer ${accessToken}`,
            ...(body === undefined ? {} : { "content-type": "application/json" }),
          },
      body: bytes ? Buffer.from(bytes.data) : (form ?? (body === undefined ? undefined : JSON.stringify(body))),
      signal: AbortSignal.timeout(config().whatsapp.graphTimeoutMs),
    });
  } catch (error) {
    const cause = (error as { cause?: Error }).cause;
    const reason = cause?.message ? `${(error as Error).message} (${cause.message})` : (error as Error).message;
    throw new GraphError(`Could not reach the Graph API: ${reason}`, 0, null, null, true, null, mayHaveArrived(error));
  }

  // An answer cut off mid-way (the connection dropped) says nothing about the outcome unless its
  // status already refused the request.
  let text: string | null;
  try {
    text = await response.text();
  } catch (error) {
    text = null;
    if (response.ok || response.status >= 500) {
      throw new GraphError(
        `The Graph API's answer was cut off: ${(error as Error).message}`,
        response.status,
        null,
        null,
        true,
        null,
        true,
      );
    }
  }
  const json = parseJson(text) as (T & { error?: { message?: string; code?: number; error_data?: { details?: string } } }) | null;
  if (response.ok && json && !json.error) return json;

  const error = json?.error;
  const code = typeof error?.code === "number" ? error.code : null;
  throw new GraphError(
    error?.message ?? `Graph API answered ${response.status}`,
    response.status,
    code,
    error?.error_data?.details ?? null,
    response.status === 429 || response.status >= 500 || (code !== null && retryableCodes.has(code)),
    json,
    // Meta's own error object is a refusal. Without one, a 2xx that could not be read or a 5xx
    // (a gateway or load balancer in front of Meta) leaves the outcome unknown.
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

export type SendResponse = {
  messaging_product: "whatsapp";
  contacts?: { input: string; wa_id: string }[];
  messages: { id: string; message_status?: string }[];
};

/** POST /{phone-number-id}/messages; returns the wamid Meta assigned. */
export async function sendGraphMessage({
  phoneNumberId,
  payload,
}: {
  phoneNumberId: string;
  payload: Record<string, unknown>;
}): Promise<string> {
  const response = await graphRequest<SendResponse>({
    as: { phoneNumberId },
    method: "POST",
    path: `${phoneNumberId}/messages`,
    body: { messaging_product: "whatsapp", recipient_type: "individual", ...payload },
  });
  const wamid = response.messages?.[0]?.id;
  // Accepted, but without the id the receipts are matched by: they are matched by our own id instead.
  if (!wamid) throw new GraphError("The Graph API accepted the message but returned no id", 200, null, null, false, response, true);
  return wamid;
}
