// GET/PATCH/POST /api/simulator/messenger/:psid — a simulated Messenger customer: the chat with the
// Page and whether they open it (GET, PATCH), and anything they do (POST: a message, a file, a
// quick reply, a button tap, an m.me link or ad, a reaction, or the Page inbox's own reply), sent to
// Switchboard as a signed Page webhook. Simulator mode only.
import { NextResponse } from "next/server";
import { z } from "zod";
import { route } from "@/lib/http/route";
import { requireSimulatorMode } from "@/lib/simulator/guard";
import {
  messengerCustomerEvent,
  messengerCustomerSettings,
  messengerThread,
  pageFor,
  sendAsMessengerCustomer,
  updateMessengerCustomer,
} from "@/lib/simulator/messenger/customer";

export const dynamic = "force-dynamic";

const params = z.object({ psid: z.string().regex(/^\d{10,20}$/, "A Page-scoped id: 10 to 20 digits.") });
const pageQuery = z.object({ page: z.string().max(64).optional() });
const event = z.object({ name: z.string().trim().min(1).max(80) }).and(messengerCustomerEvent);

export const GET = route(
  { permission: "public", available: requireSimulatorMode, params, query: pageQuery },
  async ({ params: { psid }, query }) => {
    const pageId = pageFor(query.page).pageId;
    const [items, settings] = await Promise.all([messengerThread({ pageId, psid }), messengerCustomerSettings({ pageId, psid })]);
    return NextResponse.json({ items, settings });
  },
);

export const PATCH = route(
  { permission: "public", available: requireSimulatorMode, params, query: pageQuery, body: z.strictObject({ readsMessages: z.boolean() }) },
  async ({ params: { psid }, query, body }) =>
    NextResponse.json(await updateMessengerCustomer({ pageId: pageFor(query.page).pageId, psid, readsMessages: body.readsMessages })),
);

export const POST = route(
  { permission: "public", available: requireSimulatorMode, params, query: pageQuery, body: event },
  async ({ params: { psid }, query, body }) => {
    const { name, ...input } = body;
    const result = await sendAsMessengerCustomer({ pageId: pageFor(query.page).pageId, psid, name, event: input });
    return NextResponse.json(result, { status: 201 });
  },
);
