// POST /api/channels/:id/number/official-business-account — request the blue tick; Meta decides later.
import { NextResponse } from "next/server";
import { fieldProblems } from "@/lib/business-profile/profile-schema";
import { fieldProblemsResponse, readJsonBody } from "@/lib/http/field-problems";
import { idParams, route } from "@/lib/http/route";
import { blueTickSchema } from "@/lib/number-health/action-schemas";
import { FieldRefusal, requestBlueTick } from "@/lib/number-health/number-actions";

export const POST = route({ permission: "settings.manage", params: idParams }, async ({ request, params, user }) => {
  const parsed = blueTickSchema.safeParse(await readJsonBody(request));
  if (!parsed.success) return fieldProblemsResponse(fieldProblems(parsed.error));
  try {
    await requestBlueTick({ channelId: params.id, request: parsed.data, actor: user });
  } catch (error) {
    if (error instanceof FieldRefusal) return fieldProblemsResponse(error.fields);
    throw error;
  }
  return NextResponse.json({ requested: true }, { status: 202 });
});
