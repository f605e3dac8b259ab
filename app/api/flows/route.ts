// GET/POST /api/flows — the Flows agents may send; admins register new ones.
import { NextResponse } from "next/server";
import { z } from "zod";
import { requirePermission } from "@/lib/auth/guards";
import { handle, readJson } from "@/lib/http/route";
import { limits } from "@/lib/inbox/outbound-schema";
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

export const GET = handle(async () => {
  const user = await requirePermission("conversation.reply");
  return NextResponse.json({ items: await listFlows({ userId: user.id }) });
});

export const POST = handle(async (request) => {
  const user = await requirePermission("settings.manage");
  return NextResponse.json(await addFlow({ flow: await readJson(request, flow), actor: user }), { status: 201 });
});
