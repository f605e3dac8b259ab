// PATCH /api/channels/:id — rename, replace credentials, disable or enable a channel (admins).
import { NextResponse } from "next/server";
import { updateChannelSchema } from "@/lib/channels/schemas";
import { updateChannel } from "@/lib/channels/update-channel";
import { idParams, route } from "@/lib/http/route";

export const PATCH = route({ permission: "settings.manage", params: idParams, body: updateChannelSchema }, async ({ user, params, body }) =>
  NextResponse.json(await updateChannel({ channelId: params.id, input: body, actor: user })),
);
