import { describe, expect, expectTypeOf, it, vi } from "vitest";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/guards";
import { AppError } from "@/lib/errors";
import { idParams, route } from "@/lib/http/route";

// route() on "public" routes, which never touch the session: what it reads, in what order, and how
// a bad input is answered. The session and permission half needs a real request to next-auth, so
// it is tested over HTTP in tests/integration/route-wrapper.test.ts.

const context = (params: unknown = {}) => ({ params: Promise.resolve(params) });
const post = (body: string, url = "http://switchboard.test/api/thing") =>
  new Request(url, { method: "POST", body, headers: { "content-type": "application/json" } });

const echo = route(
  {
    permission: "public",
    params: idParams,
    query: z.object({ limit: z.coerce.number().int().max(50).optional() }),
    body: z.object({ name: z.string().min(1) }),
  },
  ({ params, query, body, user }) => Response.json({ params, query, body, user }),
);

describe("route()", () => {
  it("hands the handler parsed params, query and body", async () => {
    const response = await echo(
      post(JSON.stringify({ name: "Ada", extra: 1 }), "http://switchboard.test/api/thing?limit=7"),
      context({ id: "c1" }),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ params: { id: "c1" }, query: { limit: 7 }, body: { name: "Ada" }, user: null });
  });

  it("answers a body that fails its schema with 400 and the field paths", async () => {
    const response = await echo(post(JSON.stringify({ name: "" })), context({ id: "c1" }));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: "INVALID_INPUT", details: [{ path: "name" }] } });
  });

  it("answers malformed JSON with 400", async () => {
    const response = await echo(post("{not json"), context({ id: "c1" }));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: "INVALID_INPUT", message: "The request body is not valid JSON." } });
  });

  it("answers a bad query with 400 naming the parameter, before the body is read", async () => {
    const request = post("{not json", "http://switchboard.test/api/thing?limit=500");
    const response = await echo(request, context({ id: "c1" }));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { details: [{ path: "limit" }] } });
    expect(request.bodyUsed).toBe(false);
  });

  it("answers params that fail their schema with 400", async () => {
    const response = await echo(post(JSON.stringify({ name: "Ada" })), context({}));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { details: [{ path: "id" }] } });
  });

  it("runs `available` before reading anything, so a switched-off feature answers 404 whatever the input", async () => {
    const off = route(
      {
        permission: "public",
        available: () => {
          throw new AppError("NOT_FOUND", "Off.");
        },
        params: idParams,
        body: z.object({ name: z.string() }),
      },
      () => new Response("reached"),
    );
    const request = post("{not json");
    const response = await off(request, context({}));
    expect(response.status).toBe(404);
    expect(request.bodyUsed).toBe(false);
  });

  it("leaves the body unread when no schema is declared, for handlers that read it themselves", async () => {
    const raw = route({ permission: "public" }, async ({ request, body }) => new Response(`${body}:${await request.text()}`));
    const response = await raw(post("raw bytes"), context());
    expect(await response.text()).toBe("undefined:raw bytes");
  });

  it("maps errors from the handler as errorResponse does, without echoing unknown messages", async () => {
    const conflict = route({ permission: "public" }, () => {
      throw new AppError("CONFLICT", "Taken.");
    });
    expect((await conflict(post("{}"), context())).status).toBe(409);
    const crash = route({ permission: "public" }, () => {
      throw new Error("secret detail");
    });
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const response = await crash(post("{}"), context());
    expect(logged).toHaveBeenCalledWith("[route] unexpected error", expect.any(Error));
    logged.mockRestore();
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain("secret detail");
  });

  it("exposes the declared permission on the handler", () => {
    expect(echo.permission).toBe("public");
    expect(route({ permission: "labels.manage" }, () => new Response()).permission).toBe("labels.manage");
  });

  it("types the user as the session's user unless the route is public (checked by tsc)", () => {
    route({ permission: "labels.manage" }, ({ user, body }) => {
      expectTypeOf(user).toEqualTypeOf<SessionUser>();
      expectTypeOf(body).toEqualTypeOf<undefined>();
      return new Response();
    });
    route({ permission: "public", body: z.object({ n: z.coerce.number() }) }, ({ user, body }) => {
      expectTypeOf(user).toEqualTypeOf<null>();
      expectTypeOf(body).toEqualTypeOf<{ n: number }>();
      return new Response();
    });
  });
});
