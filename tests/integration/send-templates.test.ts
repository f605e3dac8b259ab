import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reloadConfig } from "@/lib/config";
import { db } from "@/lib/db/client";
import type { TemplateDto } from "@/lib/conversations/list-templates";
import { simulatorTemplates } from "@/lib/simulator/templates";
import { syncTemplates } from "@/lib/whatsapp/sync-templates";
import { baseUrl, signIn } from "../support/http";
import { testChannel, uniqueTag } from "./factories";
import { simulatorGraph, syncTemplatesAsAdmin } from "./sending";

// Templates come from GET /{waba-id}/message_templates, page after page, into the Template table;
// agents list the approved ones. The sync runs here in the test process against the server's
// simulated Graph API, as the job would.

const saved = { url: process.env.WHATSAPP_GRAPH_URL, token: process.env.WHATSAPP_ACCESS_TOKEN };

beforeAll(() => {
  process.env.WHATSAPP_GRAPH_URL = `${baseUrl()}/api/simulator/graph/v23.0`;
  process.env.WHATSAPP_ACCESS_TOKEN = "test-access-token";
  reloadConfig();
});
afterAll(() => {
  for (const [name, value] of [
    ["WHATSAPP_GRAPH_URL", saved.url],
    ["WHATSAPP_ACCESS_TOKEN", saved.token],
  ] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  reloadConfig();
});

describe("template sync", () => {
  it("follows paging.next through every page and marks templates gone from Meta DELETED", async () => {
    const channel = await testChannel();
    const gone = await db.template.create({
      data: {
        channelId: channel.id,
        name: `retired_${uniqueTag()}`,
        language: "en_US",
        category: "UTILITY",
        status: "APPROVED",
        components: [],
      },
    });

    const result = await syncTemplates({ channelId: channel.id, pageSize: 3 });
    expect(result).toMatchObject({ pages: Math.ceil(simulatorTemplates.length / 3), synced: simulatorTemplates.length });
    expect(result.deleted).toBeGreaterThanOrEqual(1);

    const stored = await db.template.findMany({ where: { channelId: channel.id, status: { not: "DELETED" } } });
    expect(stored.map((t) => `${t.name}/${t.language}/${t.status}/${t.category}`).sort()).toEqual(
      simulatorTemplates.map((t) => `${t.name}/${t.language}/${t.status}/${t.category}`).sort(),
    );
    expect(stored.find((t) => t.name === "welcome_discount")?.reason).toBe("PROMOTIONAL");
    expect(stored.find((t) => t.name === "order_update" && t.language === "de")?.components).toEqual(
      simulatorTemplates.find((t) => t.name === "order_update" && t.language === "de")!.components,
    );
    expect(await db.template.findUniqueOrThrow({ where: { id: gone.id } })).toMatchObject({ status: "DELETED" });

    // Running again changes nothing: upserts by channel, name and language.
    const again = await syncTemplates({ channelId: channel.id, pageSize: 5 });
    expect(again).toMatchObject({ pages: Math.ceil(simulatorTemplates.length / 5), synced: simulatorTemplates.length, deleted: 0 });
    expect(await db.template.count({ where: { channelId: channel.id, name: "order_update" } })).toBe(2);
  });

  it("the simulator pages like Meta: cursors, next while more remain, previous after the first page", async () => {
    const { wabaId } = await testChannel();
    const first = await simulatorGraph("GET", `${wabaId}/message_templates?limit=4`);
    expect(first.status).toBe(200);
    const paging = first.body.paging as { cursors: { before: string; after: string }; next?: string; previous?: string };
    expect(first.body.data).toHaveLength(4);
    expect(paging.next).toContain(`after=${paging.cursors.after}`);
    expect(paging.previous).toBeUndefined();
    const second = await simulatorGraph("GET", paging.next!.slice(paging.next!.indexOf("/v23.0/") + "/v23.0/".length));
    const names = [...(first.body.data as { id: string }[]), ...(second.body.data as { id: string }[])].map((t) => t.id);
    expect(new Set(names).size).toBe(simulatorTemplates.length);
    expect((second.body.paging as { next?: string; previous?: string }).next).toBeUndefined();
    expect((second.body.paging as { previous?: string }).previous).toBeDefined();
    expect((await simulatorGraph("GET", "999999999/message_templates")).body).toMatchObject({ error: { code: 100 } });
  });

  it("POST /api/templates/sync is for admins; agents list the approved templates", async () => {
    const agent = await signIn("agent@example.com");
    expect((await agent.fetch("/api/templates/sync", { method: "POST" })).status).toBe(403);
    // Other tests add inboxes of their own; this one looks at the demo channel's templates.
    const channel = await testChannel();
    const { items } = await syncTemplatesAsAdmin(await signIn("admin@example.com"));
    expect(items.find((item) => item.channelId === channel.id)).toMatchObject({ pages: 1, synced: simulatorTemplates.length });

    const response = await agent.fetch(`/api/templates?channelId=${channel.id}`);
    expect(response.status).toBe(200);
    const listed = ((await response.json()) as { items: TemplateDto[] }).items;
    const approved = simulatorTemplates.filter((t) => t.status === "APPROVED");
    expect(listed.map((t) => `${t.name}/${t.language}`).sort()).toEqual(approved.map((t) => `${t.name}/${t.language}`).sort());
    expect(listed.find((t) => t.name === "order_update" && t.language === "en_US")?.preview).toMatchObject({
      header: { kind: "text", text: "Your order is on its way" },
      body: "Hi {{1}}, your order {{2}} has shipped and should arrive on {{3}}.",
    });
  });
});
