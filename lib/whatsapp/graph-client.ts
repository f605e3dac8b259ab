import { config } from "@/lib/config";

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
  ) {
    super(message);
    this.name = "GraphError";
  }
}

// Meta's throttling and transient codes: worth another try later.
const retryableCodes = new Set([1, 2, 4, 17, 80007, 130429, 131000, 131056, 131057, 133004]);

export async function graphRequest<T>({
  method,
  path,
  body,
  form,
  bytes,
}: {
  method: "GET" | "POST" | "DELETE";
  path: string;
  body?: unknown;
  // A multipart body (media uploads); fetch sets its content type with the boundary.
  form?: FormData;
  // Raw bytes with their own headers: the Resumable Upload API's POST /upload:<session>, which
  // Meta authorises with "OAuth <token>" rather than "Bearer".
  bytes?: { data: Uint8Array; headers: Record<string, string> };
}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${config().whatsapp.graphUrl}/${path.replace(/^\/+/, "")}`, {
      method,
      headers: bytes
        ? { authorization: `OAuth ${config().whatsapp.accessToken}`, "content-type": "application/octet-stream", ...bytes.headers }
        : {
            authorization: `Bearer ${config().whatsapp.accessToken}`,
            ...(body === undefined ? {} : { "content-type": "application/json" }),
          },
      body: bytes ? Buffer.from(bytes.data) : (form ?? (body === undefined ? undefined : JSON.stringify(body))),
      signal: AbortSignal.timeout(20_000),
    });
  } catch (error) {
    throw new GraphError(`Could not reach the Graph API: ${(error as Error).message}`, 0, null, null, true);
  }

  const json = (await response.json().catch(() => null)) as
    (T & { error?: { message?: string; code?: number; error_data?: { details?: string } } }) | null;
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
  );
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
    method: "POST",
    path: `${phoneNumberId}/messages`,
    body: { messaging_product: "whatsapp", recipient_type: "individual", ...payload },
  });
  const wamid = response.messages?.[0]?.id;
  if (!wamid) throw new GraphError("The Graph API accepted the message but returned no id", 200, null, null, false);
  return wamid;
}
