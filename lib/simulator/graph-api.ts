import { changeBlocks, listBlocks } from "./block-users";
import { getBusinessProfile, updateBusinessProfile } from "./business-profile";
import { graphError, type GraphReply } from "./graph-reply";
import { listTemplates } from "./list-templates";
import { handleMessengerGraph } from "./messenger/graph";
import { getSimulatorMedia } from "./media-graph";
import { invalidToken, tokenMayUse } from "./meta-apps";
import { requestOfficialBusinessAccount } from "./official-business-account";
import { getPhoneNumber, updatePhoneNumber } from "./phone-number";
import { openUploadSession, uploadBytes, uploadStatus } from "./resumable-upload";
import { postMessage } from "./post-message";
import { pricingAnalytics } from "./pricing-analytics";
import { uploadSimulatorMedia } from "./upload-media";

// The simulator's Graph API: the endpoints Switchboard calls, answering with Meta's response and
// error shapes, then sending the status webhooks Meta would (sent → delivered → read). Customer
// numbers that make it fail on purpose (5xx, 4xx, unreachable) are listed in post-message.ts.

export { graphError, type GraphReply };

// `version` is the Graph API version the caller named ("v23.0" → 23): some shapes depend on it.
type GraphRequest = { method: string; path: string[]; query: URLSearchParams; body: unknown; version: number; headers: Headers };
type Route = { method: string; path: string[]; handle: (params: Record<string, string>, request: GraphRequest) => Promise<GraphReply> };

// The Graph endpoints the simulator answers, after the version segment. ":name" matches any
// segment and is passed to the handler; anything else gets Meta's "unsupported request" error.
const routes: Route[] = [
  {
    method: "POST",
    path: [":phoneNumberId", "messages"],
    handle: ({ phoneNumberId }, { body, version }) => postMessage({ phoneNumberId, body, version }),
  },
  { method: "POST", path: [":phoneNumberId", "media"], handle: (_params, { body }) => uploadSimulatorMedia({ body }) },
  { method: "GET", path: [":wabaId", "message_templates"], handle: ({ wabaId }, { query }) => listTemplates({ wabaId, query }) },
  {
    method: "GET",
    path: [":phoneNumberId", "whatsapp_business_profile"],
    handle: ({ phoneNumberId }, { query }) => getBusinessProfile({ phoneNumberId, query }),
  },
  {
    method: "POST",
    path: [":phoneNumberId", "whatsapp_business_profile"],
    handle: ({ phoneNumberId }, { body }) => updateBusinessProfile({ phoneNumberId, body }),
  },
  {
    method: "POST",
    path: [":phoneNumberId", "block_users"],
    handle: ({ phoneNumberId }, { body }) => changeBlocks({ phoneNumberId, body, block: true }),
  },
  {
    method: "DELETE",
    path: [":phoneNumberId", "block_users"],
    handle: ({ phoneNumberId }, { body }) => changeBlocks({ phoneNumberId, body, block: false }),
  },
  {
    method: "GET",
    path: [":phoneNumberId", "block_users"],
    handle: ({ phoneNumberId }, { query }) => listBlocks({ phoneNumberId, query }),
  },
  {
    method: "POST",
    path: [":phoneNumberId", "official_business_account"],
    handle: ({ phoneNumberId }, { body }) => requestOfficialBusinessAccount({ phoneNumberId, body }),
  },
  // The Resumable Upload API: a session is opened on the app, then the bytes go to "upload:<session>".
  { method: "POST", path: [":appId", "uploads"], handle: ({ appId }, { query }) => openUploadSession({ appId, query }) },
  {
    method: "POST",
    path: [":id"],
    handle: ({ id }, { body, headers }) =>
      id.startsWith("upload:")
        ? uploadBytes({ session: id, offset: headers.get("file_offset"), bytes: body })
        : updatePhoneNumber({ phoneNumberId: id, body }),
  },
  // GET /{id}: an upload session, a WABA's pricing_analytics, a phone number, or else a media object.
  {
    method: "GET",
    path: [":id"],
    handle: async ({ id }, { query }) => {
      if (id.startsWith("upload:")) return uploadStatus({ session: id });
      if (query.get("fields")?.startsWith("pricing_analytics")) return pricingAnalytics({ wabaId: id, fields: query.get("fields")! });
      return (await getPhoneNumber({ phoneNumberId: id, query })) ?? getSimulatorMedia({ mediaId: id });
    },
  },
];

export async function handleGraphRequest({
  method,
  segments,
  query = new URLSearchParams(),
  authorization,
  body,
  headers = new Headers(),
}: {
  method: string;
  segments: string[];
  query?: URLSearchParams;
  authorization: string | null;
  body: unknown;
  headers?: Headers;
}): Promise<GraphReply> {
  // "Bearer <token>" everywhere; the Resumable Upload API takes "OAuth <token>", as Meta's does.
  const token = /^(Bearer|OAuth) (.+)$/.exec(authorization ?? "")?.[2];
  if (!token) {
    return graphError(401, 190, "Invalid OAuth access token - Cannot parse access token");
  }
  const [versionSegment, ...path] = segments; // drop the version ("v23.0")
  // Facebook Pages and their customers: the Messenger Platform's endpoints.
  const messenger = await handleMessengerGraph({ method, path, query, body, token });
  if (messenger) return messenger;
  // A number's own endpoints answer only to the token of the app it belongs to.
  if (path[0] && !tokenMayUse({ phoneNumberId: decodeURIComponent(path[0]), token })) return invalidToken();
  const version = Number(/^v(\d+)/.exec(versionSegment ?? "")?.[1] ?? 23);
  for (const route of routes) {
    const params = matchPath(route, method, path);
    if (params) return route.handle(params, { method, path, query, body, version, headers });
  }
  return graphError(
    400,
    100,
    `Unsupported ${method.toLowerCase()} request. Object with ID '${path[0] ?? ""}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
    "GraphMethodException",
  );
}

function matchPath(route: Route, method: string, path: string[]): Record<string, string> | null {
  if (route.method !== method || route.path.length !== path.length) return null;
  const params: Record<string, string> = {};
  for (const [index, part] of route.path.entries()) {
    if (part.startsWith(":")) params[part.slice(1)] = decodeURIComponent(path[index]);
    else if (part !== path[index]) return null;
  }
  return params;
}
