// POST /api/channels/:id/number/two-step-pin — set the two-step verification PIN, after the admin's password.
// The PIN goes to Meta only: it is never stored, logged, audited or sent back.
import { NextResponse } from "next/server";
import { fieldProblems } from "@/lib/business-profile/profile-schema";
import { clientAddress } from "@/lib/http/client-address";
import { fieldProblemsResponse, readJsonBody } from "@/lib/http/field-problems";
import { idParams, route } from "@/lib/http/route";
import type { MessageKey } from "@/lib/i18n/phrase";
import { requestLocale } from "@/lib/i18n/preferences";
import { translator } from "@/lib/i18n/translator";
import { pinSchema } from "@/lib/number-health/action-schemas";
import { FieldRefusal, setTwoStepPin } from "@/lib/number-health/number-actions";

export const POST = route({ permission: "settings.manage", params: idParams }, async ({ request, params, user }) => {
  const parsed = pinSchema.safeParse(await readJsonBody(request));
  if (!parsed.success) {
    const t = translator(await requestLocale(request));
    return fieldProblemsResponse(fieldProblems(parsed.error, (key) => (t.has(key as MessageKey) ? t(key as MessageKey) : key)));
  }
  try {
    await setTwoStepPin({
      channelId: params.id,
      pin: parsed.data.pin,
      password: parsed.data.password,
      actor: user,
      address: clientAddress(request.headers),
    });
  } catch (error) {
    if (error instanceof FieldRefusal) return fieldProblemsResponse(error.fields);
    throw error;
  }
  return NextResponse.json({ set: true });
});
