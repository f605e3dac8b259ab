// POST /api/channels/:id/profile/versions/:versionId/restore — save a past version's values again, as a new version.
import { NextResponse } from "next/server";
import { z } from "zod";
import { ProfileRefusal } from "@/lib/business-profile/profile-refusal";
import { restoreVersion } from "@/lib/business-profile/restore-version";
import { fieldProblemsResponse } from "@/lib/http/field-problems";
import { route } from "@/lib/http/route";

const params = z.object({ id: z.string(), versionId: z.string() });

export const POST = route({ permission: "settings.manage", params }, async ({ params, user }) => {
  try {
    return NextResponse.json(await restoreVersion({ channelId: params.id, versionId: params.versionId, actor: user }));
  } catch (error) {
    if (error instanceof ProfileRefusal) return fieldProblemsResponse(error.fields, error.message);
    throw error;
  }
});
