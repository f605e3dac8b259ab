// What each route and page answers to each kind of caller. A number is the exact status; "pass"
// means the caller got past authentication, role and membership (any answer but 401, 403 or a 5xx:
// a matrix request carries an empty or deliberately incomplete body, so 400 and 404 are expected
// from handlers that look further); for pages "login" and "inbox" are redirects there.

export const callers = ["anonymous", "AGENT", "MANAGER", "ADMIN", "nonMember"] as const;
export type Caller = (typeof callers)[number];
export type Outcome = number | "pass" | "login" | "inbox";
export type Expectation = Record<Caller, Outcome>;

/** The ids the matrix's sample URLs point at, made fresh for each run. */
export type Ids = {
  conversationId: string;
  messageId: string;
  contactId: string;
  mediaId: string;
  cannedId: string;
  flowId: string;
  webhookEventId: string;
  alertId: string;
  /** The configured WhatsApp number (the simulator plays Meta for it). */
  channelId: string;
  waId: string;
  simulatorMediaId: string;
  /** A user the admin routes act on (never one of the callers). */
  userId: string;
  inviteId: string;
};

// `body: "file"` sends a small text file as multipart/form-data (field "file"), as the composer uploads.
// `endsSessions` routes sign the caller out everywhere, so they run after all the others.
export type RouteCase = { path: (ids: Ids) => string; body?: unknown; expect: Expectation; endsSessions?: true };

const same = (outcome: Outcome): Expectation => ({
  anonymous: outcome,
  AGENT: outcome,
  MANAGER: outcome,
  ADMIN: outcome,
  nonMember: outcome,
});
/** Any signed-in user; membership of an inbox plays no part. */
const signedIn = (outcome: Outcome): Expectation => ({
  anonymous: 401,
  AGENT: outcome,
  MANAGER: outcome,
  ADMIN: outcome,
  nonMember: outcome,
});
/** Members of the resource's inbox; everyone else gets 404, as if it did not exist. */
const members = (outcome: Outcome): Expectation => ({ anonymous: 401, AGENT: outcome, MANAGER: outcome, ADMIN: outcome, nonMember: 404 });
const managers = (outcome: Outcome): Expectation => ({ anonymous: 401, AGENT: 403, MANAGER: outcome, ADMIN: outcome, nonMember: 403 });
const admins = (outcome: Outcome): Expectation => ({ anonymous: 401, AGENT: 403, MANAGER: 403, ADMIN: outcome, nonMember: 403 });

const statsRange = "from=2026-01-01T00:00:00Z&to=2026-01-08T00:00:00Z&tz=Asia/Kolkata";

const conversation = (ids: Ids) => `/api/conversations/${ids.conversationId}`;

export const routeCases: Record<string, RouteCase> = {
  "GET /api/health": { path: () => "/api/health", expect: same(200) },
  "GET /api/auth/[...nextauth]": { path: () => "/api/auth/session", expect: same(200) },
  // Without next-auth's CSRF token every caller is turned away alike; the limits are tested in sign-in.test.ts.
  "POST /api/auth/[...nextauth]": { path: () => "/api/auth/signout", body: {}, expect: same("pass") },

  "GET /api/conversations": { path: () => "/api/conversations", expect: signedIn(200) },
  "GET /api/conversations/[id]": { path: conversation, expect: members(200) },
  "PATCH /api/conversations/[id]": { path: conversation, body: {}, expect: members(200) },
  "GET /api/conversations/[id]/messages": { path: (ids) => `${conversation(ids)}/messages`, expect: members(200) },
  "POST /api/conversations/[id]/messages": {
    path: (ids) => `${conversation(ids)}/messages`,
    body: { note: { text: "A note from the route matrix" } },
    expect: members(201),
  },
  "POST /api/conversations/[id]/messages/[messageId]/retry": {
    path: (ids) => `${conversation(ids)}/messages/${ids.messageId}/retry`,
    body: {},
    expect: members("pass"),
  },
  "POST /api/conversations/[id]/messages/[messageId]/discard": {
    path: (ids) => `${conversation(ids)}/messages/${ids.messageId}/discard`,
    body: {},
    expect: members("pass"),
  },
  "POST /api/conversations/[id]/media": { path: (ids) => `${conversation(ids)}/media`, body: "file", expect: members(201) },
  "POST /api/conversations/[id]/read": { path: (ids) => `${conversation(ids)}/read`, body: {}, expect: members("pass") },
  "POST /api/conversations/[id]/typing": { path: (ids) => `${conversation(ids)}/typing`, body: {}, expect: members("pass") },
  "GET /api/contacts/[id]": { path: (ids) => `/api/contacts/${ids.contactId}`, expect: members(200) },
  "PATCH /api/contacts/[id]": { path: (ids) => `/api/contacts/${ids.contactId}`, body: {}, expect: members("pass") },
  "GET /api/contacts/[id]/link": { path: (ids) => `/api/contacts/${ids.contactId}/link?q=Le`, expect: members(200) },
  "POST /api/contacts/[id]/link": {
    path: (ids) => `/api/contacts/${ids.contactId}/link`,
    body: { contactId: "unknown" },
    expect: members("pass"),
  },
  "DELETE /api/contacts/[id]/link": { path: (ids) => `/api/contacts/${ids.contactId}/link`, expect: members(200) },
  "POST /api/contacts/[id]/block": {
    path: (ids) => `/api/contacts/${ids.contactId}/block`,
    body: { reason: "Route matrix" },
    expect: members(200),
  },
  "DELETE /api/contacts/[id]/block": {
    path: (ids) => `/api/contacts/${ids.contactId}/block`,
    body: { reason: "Route matrix" },
    expect: members(200),
  },
  "POST /api/contacts/[id]/spam": {
    path: (ids) => `/api/contacts/${ids.contactId}/spam`,
    body: { reason: "Route matrix" },
    expect: members(200),
  },
  "DELETE /api/contacts/[id]/spam": {
    path: (ids) => `/api/contacts/${ids.contactId}/spam`,
    body: { reason: "Route matrix" },
    expect: members(200),
  },
  "GET /api/media/[id]": { path: (ids) => `/api/media/${ids.mediaId}`, expect: members("pass") },

  "GET /api/teammates": { path: () => "/api/teammates", expect: signedIn(200) },
  "GET /api/labels": { path: () => "/api/labels", expect: signedIn(200) },
  "POST /api/labels": { path: () => "/api/labels", body: {}, expect: managers(400) },
  "GET /api/canned-responses": { path: () => "/api/canned-responses", expect: signedIn(200) },
  "POST /api/canned-responses": { path: () => "/api/canned-responses", body: {}, expect: managers(400) },
  "DELETE /api/canned-responses/[id]": { path: (ids) => `/api/canned-responses/${ids.cannedId}`, expect: managers("pass") },
  "GET /api/notifications": { path: () => "/api/notifications", expect: signedIn(200) },
  "PATCH /api/notifications": { path: () => "/api/notifications", body: {}, expect: signedIn("pass") },
  "GET /api/templates": { path: () => "/api/templates", expect: signedIn(200) },
  "POST /api/templates/sync": { path: () => "/api/templates/sync", body: {}, expect: admins("pass") },
  "GET /api/channels": { path: () => "/api/channels", expect: signedIn(200) },
  "POST /api/channels": { path: () => "/api/channels", body: {}, expect: admins(400) },
  "PATCH /api/channels/[id]": { path: (ids) => `/api/channels/${ids.channelId}`, body: {}, expect: admins(200) },
  "GET /api/flows": { path: () => "/api/flows", expect: signedIn(200) },
  "POST /api/flows": { path: () => "/api/flows", body: {}, expect: admins(400) },
  "DELETE /api/flows/[id]": { path: (ids) => `/api/flows/${ids.flowId}`, expect: admins("pass") },
  "GET /api/rate-card": { path: () => "/api/rate-card", expect: signedIn(200) },
  "PUT /api/rate-card": { path: () => "/api/rate-card", body: {}, expect: admins(400) },

  "GET /api/stats/messages": { path: () => `/api/stats/messages?${statsRange}&groupBy=agent`, expect: managers(200) },
  "GET /api/stats/conversations": { path: () => `/api/stats/conversations?${statsRange}`, expect: managers(200) },
  "GET /api/stats/failures": { path: () => `/api/stats/failures?${statsRange}`, expect: managers(200) },
  "GET /api/stats/cost": { path: () => `/api/stats/cost?${statsRange}`, expect: managers(200) },
  "POST /api/stats/cost/refresh": { path: () => `/api/stats/cost/refresh?${statsRange}`, expect: managers(200) },
  "GET /api/stats/live": { path: () => "/api/stats/live?tz=Asia/Kolkata", expect: managers(200) },
  "GET /api/stats/messages/list": { path: () => `/api/stats/messages/list?${statsRange}&status=failed`, expect: managers(200) },
  "GET /api/stats/messages/export": { path: () => `/api/stats/messages/export?${statsRange}`, expect: managers(200) },
  "GET /api/settings/assignment": { path: () => "/api/settings/assignment", expect: admins(200) },
  "PATCH /api/settings/assignment": { path: () => "/api/settings/assignment", body: {}, expect: admins("pass") },
  "POST /api/channel-alerts/[id]/dismiss": {
    path: (ids) => `/api/channel-alerts/${ids.alertId}/dismiss`,
    body: {},
    expect: admins("pass"),
  },
  "GET /api/webhook-events": { path: () => "/api/webhook-events", expect: admins(200) },
  "GET /api/webhook-events/backlog": { path: () => "/api/webhook-events/backlog", expect: admins(200) },

  // The WhatsApp number's business profile and health: managers read, admins change.
  "GET /api/channels/[id]/profile": { path: (ids) => `/api/channels/${ids.channelId}/profile`, expect: managers(200) },
  // An empty change saves nothing and answers the profile as it is.
  "PATCH /api/channels/[id]/profile": { path: (ids) => `/api/channels/${ids.channelId}/profile`, body: {}, expect: admins(200) },
  // A text file is not a photo: 422.
  "POST /api/channels/[id]/profile/photo": {
    path: (ids) => `/api/channels/${ids.channelId}/profile/photo`,
    body: "file",
    expect: admins(422),
  },
  "POST /api/channels/[id]/profile/versions/[versionId]/restore": {
    path: (ids) => `/api/channels/${ids.channelId}/profile/versions/no-such-version/restore`,
    body: {},
    expect: admins(404),
  },
  "POST /api/channels/[id]/profile/drift": { path: (ids) => `/api/channels/${ids.channelId}/profile/drift`, body: {}, expect: admins(400) },
  "GET /api/channels/[id]/health": { path: (ids) => `/api/channels/${ids.channelId}/health`, expect: managers(200) },
  "POST /api/channels/[id]/number/display-name": {
    path: (ids) => `/api/channels/${ids.channelId}/number/display-name`,
    body: {},
    expect: admins(422),
  },
  "POST /api/channels/[id]/number/official-business-account": {
    path: (ids) => `/api/channels/${ids.channelId}/number/official-business-account`,
    body: {},
    expect: admins(422),
  },
  "POST /api/channels/[id]/number/two-step-pin": {
    path: (ids) => `/api/channels/${ids.channelId}/number/two-step-pin`,
    body: {},
    expect: admins(422),
  },
  "GET /api/dead-letters": { path: () => "/api/dead-letters", expect: admins(200) },
  "POST /api/dead-letters/[id]/retry": { path: (ids) => `/api/dead-letters/${ids.messageId}/retry`, body: {}, expect: admins(404) },
  "POST /api/webhook-events/[id]/replay": {
    path: (ids) => `/api/webhook-events/${ids.webhookEventId}/replay`,
    body: {},
    expect: admins("pass"),
  },

  // Single-use links: anyone may try one, the token decides (an empty body is refused alike).
  "POST /api/setup": { path: () => "/api/setup", body: {}, expect: same(400) },
  "POST /api/invites/accept": { path: () => "/api/invites/accept", body: {}, expect: same(400) },
  "POST /api/password-reset": { path: () => "/api/password-reset", body: {}, expect: same(400) },

  "GET /api/users": { path: () => "/api/users", expect: admins(200) },
  "PATCH /api/users/[id]": { path: (ids) => `/api/users/${ids.userId}`, body: { role: "AGENT" }, expect: admins(200) },
  "POST /api/users/[id]/deactivate": { path: (ids) => `/api/users/${ids.userId}/deactivate`, body: {}, expect: admins(200) },
  "POST /api/users/[id]/reactivate": { path: (ids) => `/api/users/${ids.userId}/reactivate`, body: {}, expect: admins(200) },
  "POST /api/users/[id]/password-reset": { path: (ids) => `/api/users/${ids.userId}/password-reset`, body: {}, expect: admins("pass") },
  "POST /api/invites": { path: () => "/api/invites", body: {}, expect: admins(400) },
  "DELETE /api/invites/[id]": { path: (ids) => `/api/invites/${ids.inviteId}`, expect: admins("pass") },
  "GET /api/account": { path: () => "/api/account", expect: signedIn(200) },
  "PATCH /api/account": { path: () => "/api/account", body: {}, expect: signedIn("pass") },
  "POST /api/account/password": { path: () => "/api/account/password", body: {}, expect: signedIn(400) },
  "POST /api/account/sign-out-everywhere": {
    path: () => "/api/account/sign-out-everywhere",
    body: {},
    expect: signedIn("pass"),
    endsSessions: true,
  },

  "GET /api/audit": { path: () => "/api/audit?limit=5", expect: admins(200) },
  "GET /api/audit/export": { path: () => "/api/audit/export?format=jsonl&action=label.created", expect: admins(200) },
  "GET /api/audit/verify": { path: () => "/api/audit/verify", expect: admins(200) },
  "POST /api/audit/verify": { path: () => "/api/audit/verify", body: {}, expect: admins(201) },

  // Meta's side: no session at all, the signature or verify token decides.
  "GET /api/webhooks/whatsapp": {
    path: () => "/api/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1",
    expect: same(403),
  },
  "POST /api/webhooks/whatsapp": { path: () => "/api/webhooks/whatsapp", body: {}, expect: same(401) },
  "GET /api/webhooks/messenger": {
    path: () => "/api/webhooks/messenger?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1",
    expect: same(403),
  },
  "POST /api/webhooks/messenger": { path: () => "/api/webhooks/messenger", body: {}, expect: same(401) },

  // The simulator plays the customer's phone and Meta: open in simulator mode, 404 in cloud mode
  // (tested in simulator-mode.test.ts), never tied to a Switchboard session.
  "GET /api/simulator/customers": { path: () => "/api/simulator/customers", expect: same(200) },
  "GET /api/simulator/customers/[waId]": { path: (ids) => `/api/simulator/customers/${ids.waId}`, expect: same(200) },
  "PATCH /api/simulator/customers/[waId]": { path: (ids) => `/api/simulator/customers/${ids.waId}`, body: {}, expect: same("pass") },
  "GET /api/simulator/customers/[waId]/messages": { path: (ids) => `/api/simulator/customers/${ids.waId}/messages`, expect: same(200) },
  "POST /api/simulator/customers/[waId]/messages": {
    path: (ids) => `/api/simulator/customers/${ids.waId}/messages`,
    body: {},
    expect: same(400),
  },
  "GET /api/simulator/customers/[waId]/media/[mediaId]": {
    path: (ids) => `/api/simulator/customers/${ids.waId}/media/${ids.simulatorMediaId}`,
    expect: same("pass"),
  },
  "GET /api/simulator/media/[id]/download": { path: (ids) => `/api/simulator/media/${ids.simulatorMediaId}/download`, expect: same(401) },
  "GET /api/simulator/business": { path: () => "/api/simulator/business", expect: same(200) },
  "PATCH /api/simulator/business": { path: () => "/api/simulator/business", body: {}, expect: same(200) },
  "GET /api/simulator/number": { path: () => "/api/simulator/number", expect: same(200) },
  "PATCH /api/simulator/number": { path: () => "/api/simulator/number", body: {}, expect: same(200) },
  "GET /api/simulator/profile-photos/[id]": { path: (ids) => `/api/simulator/profile-photos/${ids.simulatorMediaId}`, expect: same(404) },
  "GET /api/simulator/graph/[...path]": { path: () => "/api/simulator/graph/v23.0/me", expect: same(401) },
  "POST /api/simulator/graph/[...path]": { path: () => "/api/simulator/graph/v23.0/1/messages", body: {}, expect: same(401) },
  "DELETE /api/simulator/graph/[...path]": { path: () => "/api/simulator/graph/v23.0/1/block_users", body: {}, expect: same(401) },
  "GET /api/simulator/messenger": { path: () => "/api/simulator/messenger", expect: same(200) },
  "PATCH /api/simulator/messenger": { path: () => "/api/simulator/messenger", body: {}, expect: same(400) },
  "GET /api/simulator/messenger/[psid]": { path: () => "/api/simulator/messenger/7100000000000001", expect: same(200) },
  "PATCH /api/simulator/messenger/[psid]": { path: () => "/api/simulator/messenger/7100000000000001", body: {}, expect: same(400) },
  "POST /api/simulator/messenger/[psid]": { path: () => "/api/simulator/messenger/7100000000000001", body: {}, expect: same(400) },
  "GET /api/simulator/messenger/files/[id]": {
    path: (ids) => `/api/simulator/messenger/files/${ids.simulatorMediaId}`,
    expect: same("pass"),
  },
  "GET /api/simulator/messenger/pictures/[psid]": { path: () => "/api/simulator/messenger/pictures/7100000000000001", expect: same(200) },
};

/** Handlers that do not declare themselves with route(), and why. Everything else must. */
export const undeclaredRoutes: Record<string, string> = {
  "GET /api/auth/[...nextauth]": "next-auth's own handler answers its session and CSRF endpoints.",
  "POST /api/auth/[...nextauth]": "next-auth's own handler, after the sign-in limits are checked; next-auth needs the unread form body.",
};

export const pageCases: Record<string, Expectation> = {
  "/": same("inbox"),
  "/login": { anonymous: 200, AGENT: "inbox", MANAGER: "inbox", ADMIN: "inbox", nonMember: "inbox" },
  "/inbox": { anonymous: "login", AGENT: 200, MANAGER: 200, ADMIN: 200, nonMember: 200 },
  // Requested literally, so no conversation matches: signed in, the page says "not found in your inboxes" (200).
  "/inbox/[conversationId]": { anonymous: "login", AGENT: 200, MANAGER: 200, ADMIN: 200, nonMember: 200 },
  "/settings/assignment": { anonymous: "login", AGENT: "inbox", MANAGER: "inbox", ADMIN: 200, nonMember: "inbox" },
  "/settings/channels": { anonymous: "login", AGENT: "inbox", MANAGER: "inbox", ADMIN: 200, nonMember: "inbox" },
  "/settings/flows": { anonymous: "login", AGENT: "inbox", MANAGER: "inbox", ADMIN: 200, nonMember: "inbox" },
  "/settings/rate-card": { anonymous: "login", AGENT: "inbox", MANAGER: "inbox", ADMIN: 200, nonMember: "inbox" },
  "/settings/users": { anonymous: "login", AGENT: "inbox", MANAGER: "inbox", ADMIN: 200, nonMember: "inbox" },
  "/settings/audit": { anonymous: "login", AGENT: "inbox", MANAGER: "inbox", ADMIN: 200, nonMember: "inbox" },
  // Requested literally, so no number matches: the page says so (200) to those who may see it.
  "/settings/profile/[channelId]": { anonymous: "login", AGENT: "inbox", MANAGER: 200, ADMIN: 200, nonMember: "inbox" },
  "/settings/number/[channelId]": { anonymous: "login", AGENT: "inbox", MANAGER: 200, ADMIN: 200, nonMember: "inbox" },
  // An agent is told, on the page itself, that the dashboard is not for their role (200).
  "/dashboard": { anonymous: "login", AGENT: 200, MANAGER: 200, ADMIN: 200, nonMember: 200 },
  "/account": { anonymous: "login", AGENT: 200, MANAGER: 200, ADMIN: 200, nonMember: 200 },
  // Single-use link pages: a readable refusal without a valid token, for anyone.
  "/setup": same(200),
  "/invite": same(200),
  "/reset-password": same(200),
  "/settings/failed-sends": { anonymous: "login", AGENT: "inbox", MANAGER: "inbox", ADMIN: 200, nonMember: "inbox" },
  "/settings/webhooks": { anonymous: "login", AGENT: "inbox", MANAGER: "inbox", ADMIN: 200, nonMember: "inbox" },
  "/simulator": same(200),
};
