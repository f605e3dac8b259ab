// GET/POST /api/flows — the Flows agents may send; admins register new ones.
import { NextResponse } from "next/server";
import { z } from "zod";
import { route } from "@/lib/http/route";
import { limits } from "@/lib/conversations/outbound-schema";
import { addFlow, listFlows } from "@/lib/whatsapp/flows";

const flow = z.strictObject({
  channelId: z.string().min(1),
  metaId: z
    .string()
    .trim()
    .regex(/^\d{5,30}$/, { error: "The flow id Meta shows in WhatsApp Manager (digits)." }),
  name: z.string().trim().min(1).max(80),
  cta: z
    .string()
    .trim()
    .min(1)
    .max(limits.flowCta, { error: `The button label can be at most ${limits.flowCta} characters.` })
    .refine((cta) => !/\p{Extended_Pictographic}/u.test(cta), { error: "The button label cannot contain emoji." }),
  screen: z
    .string()
    .trim()
    .regex(/^[A-Z0-9_]+$/, { error: "A screen id in capitals, as in the Flow JSON (e.g. BOOKING)." })
    .nullable(),
});

export const GET = route({ permission: "conversation.reply" }, async ({ user }) =>
  NextResponse.json({ items: await listFlows({ userId: user.id }) }),
);

export const POST = route({ permission: "settings.manage", body: flow }, async ({ user, body }) =>
  NextResponse.json(await addFlow({ flow: body, actor: user }), { status: 201 }),
);
