import { randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { can, permissions, type Permission } from "@/lib/auth/permissions";
import { db, disconnectDb, type Role } from "@/lib/db/client";
import { baseUrl, signIn } from "../support/http";
import { customerWritesIn, outboundMessage, testChannel, uniqueTag } from "./factories";
import { declaredPermissions, discoverPages, discoverRoutes } from "./route-matrix/discover";
import {
  callers,
  pageCases,
  routeCases,
  undeclaredRoutes,
  type Caller,
  type Expectation,
  type Ids,
  type Outcome,
} from "./route-matrix/expectations";

// Every route handler under app/api and every page, called as a signed-out visitor, an agent, a
// manager, an admin and an agent outside the inbox, against the expectations in
// route-matrix/expectations.ts. The lists come from the file tree: a new route or page without an
// entry fails here until someone decides who may use it.

afterAll(() => disconnectDb());

const PASSWORD = "matrix password 2026";
const cookies = new Map<Caller, string>();
let ids: Ids;

beforeAll(async () => {
  const channel = await testChannel();
  const passwordHash = await hashPassword(PASSWORD);
  const tag = uniqueTag();
  const make = async (caller: Exclude<Caller, "anonymous">) => {
    const role: Role = caller === "nonMember" ? "AGENT" : caller;
    const user = await db.user.create({
      data: { email: `matrix-${caller.toLowerCase()}-${tag}@example.com`, name: `Matrix ${caller}`, role, passwordHash },
    });
    if (caller !== "nonMember") await db.inboxMember.create({ data: { inboxId: channel.inbox!.id, userId: user.id } });
    cookies.set(caller, (await signIn(user.email, PASSWORD)).cookie);
  };
  await Promise.all((["AGENT", "MANAGER", "ADMIN", "nonMember"] as const).map(make));

  const { conversation, contact } = await customerWritesIn();
  const message = await outboundMessage({ conversationId: conversation.id, channelId: channel.id });
  const media = await db.media.create({ data: { channelId: channel.id, messageId: message.id, mimeType: "image/jpeg", state: "FAILED" } });
  const canned = await db.cannedResponse.create({ data: { shortcut: `matrix-${tag}`, title: "Matrix", body: "Matrix" } });
  const flow = await db.flow.create({ data: { channelId: channel.id, metaId: `matrix-${tag}`, name: "Matrix", cta: "Open" } });
  const event = await db.webhookEvent.create({
    data: { channelId: channel.id, payload: { object: "whatsapp_business_account", entry: [] }, state: "FAILED", error: "matrix" },
  });
  const target = await db.user.create({
    data: { email: `matrix-target-${tag}@example.com`, name: "Matrix target", role: "AGENT", passwordHash },
  });
  const invite = await db.userToken.create({
    data: {
      kind: "INVITE",
      tokenHash: `matrix-${tag}`,
      email: `matrix-invitee-${tag}@example.com`,
      role: "AGENT",
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
  const alert = await db.channelAlert.create({
    data: { channelId: channel.id, field: "account_update", kind: "matrix", summary: "Matrix", payload: {} },
  });
  ids = {
    conversationId: conversation.id,
    messageId: message.id,
    contactId: contact.id,
    mediaId: media.id,
    cannedId: canned.id,
    flowId: flow.id,
    webhookEventId: event.id,
    alertId: alert.id,
    channelId: channel.id,
    waId: `49${String(randomInt(0, 10_000_000_000)).padStart(10, "0")}`,
    simulatorMediaId: String(randomInt(100_000_000_000, 999_999_999_999)),
    userId: target.id,
    inviteId: invite.id,
  };
});

describe("route × role matrix", () => {
  it("has an entry for every route handler and page, and none for routes that are gone", () => {
    expect(discoverRoutes().sort()).toEqual(Object.keys(routeCases).sort());
    expect(discoverPages().sort()).toEqual(Object.keys(pageCases).sort());
  });

  // The expectations are written by hand; the permission each route declares (route({ permission }))
  // and lib/auth/permissions.ts must agree with them, so neither can drift alone.
  it("expects for every route what its declared permission allows", () => {
    const problems: string[] = [];
    for (const [route, declared] of declaredPermissions()) {
      const expected = routeCases[route]?.expect;
      if (declared === undefined) {
        if (!(route in undeclaredRoutes)) problems.push(`${route} does not declare its permission with route({ permission })`);
      } else if (route in undeclaredRoutes) {
        problems.push(`${route} declares "${declared}"; remove it from undeclaredRoutes`);
      } else if (expected) {
        problems.push(...disagreements(route, declared, expected));
      }
    }
    expect(problems).toEqual([]);
  });

  // Before the routes: their last one signs every caller out.
  it("answers every page as expected for every caller", async () => {
    const mismatches: string[] = [];
    for (const [page, expected] of Object.entries(pageCases)) {
      for (const caller of callers) {
        const response = await fetch(`${baseUrl()}${page}`, {
          redirect: "manual",
          headers: caller === "anonymous" ? {} : { cookie: cookies.get(caller)! },
        });
        await response.arrayBuffer();
        if (!matches(expected[caller], response)) {
          mismatches.push(
            `${page} as ${caller}: expected ${expected[caller]}, got ${response.status} ${response.headers.get("location") ?? ""}`,
          );
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it("answers every route as expected for every caller", async () => {
    const mismatches: string[] = [];
    // Routes that end the caller's sessions go last, so every other route sees a live session.
    const ordered = Object.entries(routeCases).sort(([, a], [, b]) => Number(!!a.endsSessions) - Number(!!b.endsSessions));
    for (const [route, { path, body, expect: expected }] of ordered) {
      const [method = "GET", pattern] = route.split(" ");
      for (const caller of callers) {
        const response = await fetch(`${baseUrl()}${path(ids)}`, {
          method,
          redirect: "manual",
          headers: {
            ...(body === undefined || body === "file" ? {} : { "content-type": "application/json" }),
            ...(caller === "anonymous" ? {} : { cookie: cookies.get(caller)! }),
          },
          body: body === undefined ? undefined : body === "file" ? fileForm() : JSON.stringify(body),
        });
        await response.arrayBuffer();
        if (!matches(expected[caller], response))
          mismatches.push(`${method} ${pattern} as ${caller}: expected ${expected[caller]}, got ${response.status}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});

function disagreements(route: string, declared: string, expected: Expectation): string[] {
  // No session is looked up for a public route, so a session cannot change its answer: a 401 there
  // comes from the route's own credential (Meta's signature, the Graph API token) and hits everyone.
  if (declared === "public") {
    const differs = callers.filter((caller) => expected[caller] !== expected.anonymous);
    return differs.length ? [`${route} is public, so ${differs.join(", ")} must expect what anonymous does (${expected.anonymous})`] : [];
  }
  if (!(declared in permissions)) return [`${route} declares "${declared}", which is not in lib/auth/permissions.ts`];
  const permission = declared as Permission;
  const problems = expected.anonymous === 401 ? [] : [`${route} (${permission}) must expect 401 for anonymous`];
  for (const caller of ["AGENT", "MANAGER", "ADMIN", "nonMember"] as const) {
    const outcome = expected[caller];
    // An agent outside the inbox still has the AGENT role; membership is decided after the permission.
    const allowed = can(caller === "nonMember" ? "AGENT" : caller, permission);
    if (!allowed && outcome !== 403) problems.push(`${route} (${permission}) must expect 403 for ${caller}, not ${outcome}`);
    if (allowed && (outcome === 401 || outcome === 403)) problems.push(`${route} (${permission}) allows ${caller}, yet expects ${outcome}`);
  }
  return problems;
}

function fileForm(): FormData {
  const form = new FormData();
  form.set("file", new File(["route matrix"], "matrix.txt", { type: "text/plain" }));
  return form;
}

function matches(outcome: Outcome, response: Response): boolean {
  const { status } = response;
  if (typeof outcome === "number") return status === outcome;
  if (outcome === "pass") return status !== 401 && status !== 403 && status < 500;
  const location = response.headers.get("location") ?? "";
  const target = new URL(location, baseUrl()).pathname;
  return status >= 300 && status < 400 && target === (outcome === "login" ? "/login" : "/inbox");
}
