import { NextResponse } from "next/server";

// A form's refusal, one sentence per field, for the routes whose forms show each problem beside its
// field: 422 {"error":{"code":"INVALID_INPUT","message","fields":{"<field>":"<sentence>"}}}.
// (route()'s own schema check answers 400 with a list of paths instead.)

export function fieldProblemsResponse(fields: Record<string, string>, message?: string): Response {
  const first = Object.values(fields)[0];
  return NextResponse.json(
    { error: { code: "INVALID_INPUT", message: message ?? first ?? "Some fields are not valid.", fields } },
    { status: 422 },
  );
}

/** The request's JSON body, or undefined when it is not JSON. */
export async function readJsonBody(request: Request): Promise<unknown> {
  return request.json().catch(() => undefined);
}
