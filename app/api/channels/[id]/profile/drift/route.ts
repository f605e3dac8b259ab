// POST /api/channels/:id/profile/drift — keep ("adopt") or undo ("overwrite") a profile change made outside Switchboard.
import { NextResponse } from "next/server";
import { z } from "zod";
import { ProfileRefusal } from "@/lib/business-profile/profile-refusal";
import { resolveDrift } from "@/lib/business-profile/resolve-drift";
import { fieldProblemsResponse } from "@/lib/http/field-problems";
import { idParams, route } from "@/lib/http/route";

const body = z.object({ resolve: z.enum(["adopt", "overwrite"], { error: 'Say "adopt" or "overwrite".' }) });

export const POST = route({ permission: "settings.manage", params: idParams, body }, async ({ params, body, user }) => {
  try {
    return NextResponse.json(await resolveDrift({ channelId: params.id, resolve: body.resolve, actor: user }));
  } catch (error) {
    if (error instanceof ProfileRefusal) return fieldProblemsResponse(error.fields, error.message);
    throw error;
  }
});
