import { describe, expect, it } from "vitest";
import { limitJsonDepth, MAX_JSON_DEPTH, parseWebhookJson, TOO_DEEP_MARKER } from "@/lib/whatsapp/parse-webhook-json";

// What a signed body's bytes become before anything else sees them: JSON that V8 can parse and
// serialise and PostgreSQL can store, whatever the sender put in it.

const nested = (open: string, close: string, depth: number, inner = "1") => open.repeat(depth) + inner + close.repeat(depth);

describe("parseWebhookJson", () => {
  it("parses an ordinary body unchanged", () => {
    const body = {
      object: "whatsapp_business_account",
      entry: [{ id: "1", changes: [{ field: "messages", value: { text: "héllo ✓ 👋" } }] }],
    };
    expect(parseWebhookJson(Buffer.from(JSON.stringify(body)))).toEqual({ ok: true, value: body });
  });

  it.each([["{"], ['{"a":'], ["not json"], [""], ['{"a":1}}']])("refuses %j", (text) => {
    expect(parseWebhookJson(Buffer.from(text))).toEqual({ ok: false });
  });

  it("takes a body nested 10,000 levels deep, cutting it at the limit", () => {
    const parsed = parseWebhookJson(Buffer.from(`{"entry":${nested("[", "]", 10_000)},"object":"x"}`));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    // Containers kept: the outer object and the arrays inside it, MAX_JSON_DEPTH in all.
    let node = (parsed.value as { entry: unknown }).entry;
    let containers = 1;
    while (Array.isArray(node)) {
      node = node[0];
      containers++;
    }
    expect(node).toBe(TOO_DEEP_MARKER);
    expect(containers).toBe(MAX_JSON_DEPTH);
    expect((parsed.value as { object: string }).object).toBe("x");
    // And what comes out can be serialised again (for the log).
    expect(() => JSON.stringify(parsed.value)).not.toThrow();
  });

  it("replaces bytes that are not UTF-8", () => {
    const bytes = Buffer.concat([Buffer.from('{"text":"a'), Buffer.from([0xff, 0xc3]), Buffer.from('b"}')]);
    expect(parseWebhookJson(bytes)).toEqual({ ok: true, value: { text: "a\uFFFD\uFFFDb" } });
  });

  it("replaces U+0000 and lone surrogates, in values and keys, which PostgreSQL cannot store", () => {
    const text = '{"a":"x\\u0000y","b":["\\ud800z"],"c\\u0000":{"d":"\\udc00"},"ok":"\\ud83d\\udc4b"}';
    expect(parseWebhookJson(text)).toEqual({ ok: true, value: { a: "x\uFFFDy", b: ["\uFFFDz"], "c\uFFFD": { d: "\uFFFD" }, ok: "👋" } });
  });

  it("keeps a __proto__ key a plain key", () => {
    const parsed = parseWebhookJson('{"__proto__\\u0000":{"polluted":true},"__proto__":{"x":"\\u0000"}}');
    expect(parsed.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys((parsed as { value: object }).value)).toEqual(["__proto__", "__proto__\uFFFD"]);
  });
});

describe("limitJsonDepth", () => {
  it.each([
    ["shallow text", '{"a":[1,{"b":2}]}', 3, '{"a":[1,{"b":2}]}'],
    ["an object one level too deep", '{"a":{"b":{}}}', 2, `{"a":{"b":"${TOO_DEEP_MARKER}"}}`],
    ["siblings after the cut", "[[[1]],[2],3]", 2, `[["${TOO_DEEP_MARKER}"],[2],3]`],
    ["brackets inside strings", '{"a":"[[[{{{","b":["]\\"]"]}', 2, '{"a":"[[[{{{","b":["]\\"]"]}'],
    ["a string holding brackets inside a cut", '[[["]]]"]],1]', 1, `["${TOO_DEEP_MARKER}",1]`],
  ])("%s", (_label, text, depth, expected) => {
    expect(limitJsonDepth(text, depth)).toBe(expected);
    expect(() => JSON.parse(limitJsonDepth(text, depth))).not.toThrow();
  });
});
