import "server-only";
import { NextResponse } from "next/server";
import { z, ZodError, type ZodType } from "zod";
import { withRequestAddress } from "@/lib/audit/request-address";
import { requirePermission, type SessionUser } from "@/lib/auth/guards";
import type { Permission } from "@/lib/auth/permissions";
import { isDatabaseDown } from "@/lib/db/errors";
import { AppError } from "@/lib/errors";
import { requestLocale } from "@/lib/i18n/preferences";
import { issuePhrase } from "@/lib/i18n/issue-phrase";
import { isPhrase, phrase } from "@/lib/i18n/phrase";
import { translator } from "@/lib/i18n/translator";
import { clientAddress } from "./client-address";

// Every route handler declares who may call it and what it reads, in its first line:
//   export const PATCH = route({ permission: "conversation.update", params: idParams, body: patch }, handler)
// The session and permission are checked before any input is read, so a caller who may not use the
// route learns nothing about its input rules. Every error becomes one JSON shape,
// {"error":{"code":"…","message":"…"}}, its sentences in the caller's language (their preference,
// else Accept-Language); unknown errors are logged and never echoed to the client.

export type RouteOptions = {
  /** A permission from lib/auth/permissions.ts, or "public": no session is looked up at all. */
  permission: Permission | "public";
  /** Runs first and throws when the feature behind the route is off, so it answers before any input is read. */
  available?: () => void;
  /** Next's route segments, e.g. idParams. */
  params?: ZodType;
  /** The URL's search params, each a string. */
  query?: ZodType;
  /** The JSON body; malformed JSON or a failed schema is a 400 with the field paths. */
  body?: ZodType;
};

type Parsed<O, K extends "params" | "query" | "body"> = O extends { [key in K]: infer S extends ZodType } ? z.output<S> : undefined;

export type RouteInput<O extends RouteOptions> = {
  request: Request;
  user: O["permission"] extends "public" ? null : SessionUser;
  params: Parsed<O, "params">;
  query: Parsed<O, "query">;
  body: Parsed<O, "body">;
};

// Next passes { params: Promise<…> } typed per route; the schema, not this type, says what is in it.
type NextContext = { params: Promise<unknown> };

export type RouteHandler = ((request: Request, context: NextContext) => Promise<Response>) & {
  permission: RouteOptions["permission"];
};

/** The one segment most routes have: /api/…/[id]. */
export const idParams = z.object({ id: z.string() });

export function route<const O extends RouteOptions>(
  options: O,
  handler: (input: RouteInput<O>) => Promise<Response> | Response,
): RouteHandler {
  const run = async (request: Request, context: NextContext) => {
    try {
      options.available?.();
      const user = options.permission === "public" ? null : await requirePermission(options.permission);
      const params = options.params?.parse(await context.params);
      const query = options.query?.parse(Object.fromEntries(new URL(request.url).searchParams));
      const body = options.body ? await readJson(request, options.body) : undefined;
      // Audit events the handler records carry the caller's address (lib/audit/request-address.ts).
      const address = clientAddress(request.headers);
      return await withRequestAddress(address === "unknown" ? null : address, () =>
        handler({ request, user, params, query, body } as RouteInput<O>),
      );
    } catch (error) {
      return errorResponse(error, request);
    }
  };
  // Readable from outside, so a route's declared permission can be checked against the role matrix.
  return Object.assign(run, { permission: options.permission });
}

export async function errorResponse(error: unknown, request: Request): Promise<Response> {
  const t = translator(await requestLocale(request));
  // A Phrase (or a zod issue naming a message key) becomes a sentence; anything else stays as it is.
  const say = (text: unknown): unknown => {
    if (isPhrase(text)) return t(text.key, text.values);
    if (typeof text === "string" && text.startsWith("errors.") && t.has(text as never)) return t(text as never);
    if (Array.isArray(text)) return text.map(say);
    if (text && typeof text === "object") return Object.fromEntries(Object.entries(text).map(([key, value]) => [key, say(value)]));
    return text;
  };
  if (error instanceof AppError) {
    const message = error.phrase ? say(error.phrase) : error.message;
    return NextResponse.json(
      { error: { code: error.code, message, ...(error.details ? { details: say(error.details) } : {}) } },
      { status: error.status },
    );
  }
  if (error instanceof ZodError) {
    const worded = (issue: (typeof error.issues)[number]) => {
      const phrase = issuePhrase(issue);
      return phrase && t.has(phrase.key) ? t(phrase.key, phrase.values) : String(say(issue.message));
    };
    const fields = error.issues.map((issue) => ({ path: issue.path.join("."), message: worded(issue) }));
    // The first problem in words, so a client that shows only the message still says what is wrong.
    const message = fields[0]
      ? fields.length > 1
        ? t("errors.firstOfMany", { problem: fields[0].message, more: fields.length - 1 })
        : fields[0].message
      : t("errors.invalidRequest");
    return NextResponse.json({ error: { code: "INVALID_INPUT", message, details: fields } }, { status: 400 });
  }
  const prismaCode = (error as { code?: unknown })?.code;
  if (prismaCode === "P2002") {
    return NextResponse.json({ error: { code: "CONFLICT", message: t("errors.alreadyExists") } }, { status: 409 });
  }
  if (prismaCode === "P2025") {
    return NextResponse.json({ error: { code: "NOT_FOUND", message: t("errors.notFound") } }, { status: 404 });
  }
  if (isDatabaseDown(error)) {
    return NextResponse.json({ error: { code: "UNAVAILABLE", message: t("errors.databaseDown") } }, { status: 503 });
  }
  console.error("[route] unexpected error", error);
  return NextResponse.json({ error: { code: "INTERNAL", message: t("errors.internal") } }, { status: 500 });
}

/** Reads the JSON body and validates it; a malformed or invalid body becomes a 400. */
async function readJson<T>(request: Request, schema: ZodType<T>): Promise<T> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new AppError("INVALID_INPUT", phrase("errors.invalidJson"));
  }
  return schema.parse(body);
}
