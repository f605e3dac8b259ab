// GET /api/channels — the channels of the caller's inboxes (admins: all), never with a secret.
// POST /api/channels — connect a WhatsApp number (admins): credentials checked with Meta, then stored encrypted.
import { NextResponse } from "next/server";
import { addChannel } from "@/lib/channels/add-channel";
import { listChannels } from "@/lib/channels/list-channels";
import { addChannelSchema } from "@/lib/channels/schemas";
import { route } from "@/lib/http/route";

export const GET = route({ permission: "inbox.view" }, async ({ user }) => NextResponse.json(await listChannels({ user })));

export const POST = route({ permission: "settings.manage", body: addChannelSchema }, async ({ user, body }) =>
  NextResponse.json(await addChannel({ input: body, actor: user }), { status: 201 }),
);
