import "server-only";
import { NextResponse } from "next/server";
import { ZodError, type ZodType } from "zod";
import { isDatabaseDown } from "@/lib/db/errors";
import { AppError } from "@/lib/errors";

// Route handlers stay thin: they run inside handle(), which turns every error into one JSON shape:
// {"error":{"code":"…","message":"…"}}. Unknown errors are logged and never echoed to the client.

type Handler<Context> = (request: Request, context: Context) => Promise<Response>;

export function handle<Context>(handler: Handler<Context>): Handler<Context> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

export function errorResponse(error: unknown): Response {
  if (error instanceof AppError) {
    return NextResponse.json(
      { error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) } },
      { status: error.status },
    );
  }
  if (error instanceof ZodError) {
    const fields = error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
    // The first problem in words, so a client that shows only the message still says what is wrong.
    const more = fields.length > 1 ? ` (and ${fields.length - 1} more problem${fields.length > 2 ? "s" : ""})` : "";
    const message = fields[0] ? `${fields[0].message}${more}` : "The request is not valid.";
    return NextResponse.json({ error: { code: "INVALID_INPUT", message, details: fields } }, { status: 400 });
  }
  const prismaCode = (error as { code?: unknown })?.code;
  if (prismaCode === "P2002") {
    return NextResponse.json({ error: { code: "CONFLICT", message: "That already exists." } }, { status: 409 });
  }
  if (prismaCode === "P2025") {
    return NextResponse.json({ error: { code: "NOT_FOUND", message: "Not found." } }, { status: 404 });
  }
  if (isDatabaseDown(error)) {
    return NextResponse.json(
      { error: { code: "UNAVAILABLE", message: "The database is unavailable. Try again shortly." } },
      { status: 503 },
    );
  }
  console.error("[route] unexpected error", error);
  return NextResponse.json({ error: { code: "INTERNAL", message: "Something went wrong on our side." } }, { status: 500 });
}

/** Reads the JSON body and validates it; a malformed or invalid body becomes a 400. */
export async function readJson<T>(request: Request, schema: ZodType<T>): Promise<T> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new AppError("INVALID_INPUT", "The request body is not valid JSON.");
  }
  return schema.parse(body);
}
