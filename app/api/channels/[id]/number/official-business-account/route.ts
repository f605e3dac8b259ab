// POST /api/channels/:id/number/official-business-account — request the blue tick; Meta decides later.
import { NextResponse } from "next/server";
import { fieldProblems } from "@/lib/business-profile/profile-schema";
import { fieldProblemsResponse, readJsonBody } from "@/lib/http/field-problems";
import { idParams, route } from "@/lib/http/route";
import type { MessageKey } from "@/lib/i18n/phrase";
import { requestLocale } from "@/lib/i18n/preferences";
import { translator } from "@/lib/i18n/translator";
import { blueTickSchema } from "@/lib/number-health/action-schemas";
import { FieldRefusal, requestBlueTick } from "@/lib/number-health/number-actions";

export const POST = route({ permission: "settings.manage", params: idParams }, async ({ request, params, user }) => {
  const parsed = blueTickSchema.safeParse(await readJsonBody(request));
  if (!parsed.success) {
    const t = translator(await requestLocale(request));
    return fieldProblemsResponse(fieldProblems(parsed.error, (key) => (t.has(key as MessageKey) ? t(key as MessageKey) : key)));
  }
  try {
    await requestBlueTick({ channelId: params.id, request: parsed.data, actor: user });
  } catch (error) {
    if (error instanceof FieldRefusal) return fieldProblemsResponse(error.fields);
    throw error;
  }
  return NextResponse.json({ requested: true }, { status: 202 });
});
