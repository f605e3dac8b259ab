// GET/PATCH /api/channels/:id/profile — the WhatsApp business profile, its versions and any change made elsewhere.
import { NextResponse } from "next/server";
import { z } from "zod";
import { profileOverview } from "@/lib/business-profile/profile-overview";
import { ProfileRefusal } from "@/lib/business-profile/profile-refusal";
import { fieldProblems, profileChangeSchema } from "@/lib/business-profile/profile-schema";
import { saveProfile } from "@/lib/business-profile/save-profile";
import { fieldProblemsResponse, readJsonBody } from "@/lib/http/field-problems";
import { idParams, route } from "@/lib/http/route";
import type { MessageKey } from "@/lib/i18n/phrase";
import { requestLocale } from "@/lib/i18n/preferences";
import { translator } from "@/lib/i18n/translator";

// ?refresh=true reads WhatsApp now instead of within the page's short cache ("Check WhatsApp now").
const query = z.object({ refresh: z.enum(["true", "false"]).optional() });

export const GET = route({ permission: "dashboard.view", params: idParams, query }, async ({ params, query }) =>
  NextResponse.json(await profileOverview({ channelId: params.id, ...(query.refresh === "true" ? { maxAgeMs: 0 } : {}) })),
);

// The body is checked here rather than by route(): the form shows each problem beside its field, so
// a refusal is 422 with one sentence per field, and Meta's own refusal comes back the same way.
export const PATCH = route({ permission: "settings.manage", params: idParams }, async ({ request, params, user }) => {
  const parsed = profileChangeSchema.safeParse(await readJsonBody(request));
  if (!parsed.success) {
    const t = translator(await requestLocale(request));
    return fieldProblemsResponse(fieldProblems(parsed.error, (key) => (t.has(key as MessageKey) ? t(key as MessageKey) : key)));
  }
  try {
    const result = await saveProfile({ channelId: params.id, change: parsed.data, actor: user });
    return NextResponse.json(result);
  } catch (error) {
    if (error instanceof ProfileRefusal) return fieldProblemsResponse(error.fields, error.message);
    throw error;
  }
});
