import { changeBlocks, listBlocks } from "./block-users";
import { getBusinessProfile, updateBusinessProfile } from "./business-profile";
import { graphError, type GraphReply } from "./graph-reply";
import { listTemplates } from "./list-templates";
import { getSimulatorMedia } from "./media-graph";
import { postMessage } from "./post-message";
import { pricingAnalytics } from "./pricing-analytics";
import { uploadSimulatorMedia } from "./upload-media";

// The simulator's Graph API: the endpoints Switchboard calls, answering with Meta's response and
// error shapes, then sending the status webhooks Meta would (sent → delivered → read). Customer
// numbers that make it fail on purpose (5xx, 4xx, unreachable) are listed in post-message.ts.

export { graphError, type GraphReply };

// `version` is the Graph API version the caller named ("v23.0" → 23): some shapes depend on it.
type GraphRequest = { method: string; path: string[]; query: URLSearchParams; body: unknown; version: number };
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
  // One segment is a WABA's pricing_analytics field or a media id.
  {
    method: "GET",
    path: [":id"],
    handle: ({ id }, { query }) =>
      query.get("fields")?.startsWith("pricing_analytics")
        ? pricingAnalytics({ wabaId: id!, fields: query.get("fields")! })
        : getSimulatorMedia({ mediaId: id! }),
  },
];

export async function handleGraphRequest({
  method,
  segments,
  query = new URLSearchParams(),
  authorization,
  body,
}: {
  method: string;
  segments: string[];
  query?: URLSearchParams;
  authorization: string | null;
  body: unknown;
}): Promise<GraphReply> {
  if (!authorization?.startsWith("Bearer ") || authorization.length <= "Bearer ".length) {
    return graphError(401, 190, "Invalid OAuth access token - Cannot parse access token");
  }
  const [versionSegment, ...path] = segments; // drop the version ("v23.0")
  const version = Number(/^v(\d+)/.exec(versionSegment ?? "")?.[1] ?? 23);
  for (const route of routes) {
    const params = matchPath(route, method, path);
    if (params) return route.handle(params, { method, path, query, body, version });
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
