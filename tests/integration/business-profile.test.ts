import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import type { ProfileOverview } from "@/components/api/types";
import { baseUrl, signIn, type Session } from "../support/http";
import { pngOfSize } from "../support/png";
import { testChannel, uniqueTag } from "./factories";

// The business profile through Switchboard's API, with the simulator playing Meta: Meta's limits at
// and one past each edge, a save reaching the customer's phone, versions and restore, a change made
// in "WhatsApp Manager" noticed and resolved, the photo through the Resumable Upload API, and who may
// do what.

let admin: Session;
let channelId: string;
const profilePath = () => `/api/channels/${channelId}/profile`;

beforeAll(async () => {
  admin = await signIn("admin@example.com");
  channelId = (await testChannel()).id;
});
afterAll(() => disconnectDb());

async function patch(body: unknown) {
  return admin.fetch(profilePath(), { method: "PATCH", body: JSON.stringify(body) });
}
async function overview(session = admin, refresh = true): Promise<ProfileOverview> {
  const response = await session.fetch(`${profilePath()}${refresh ? "?refresh=true" : ""}`);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as ProfileOverview;
}
const customerSees = async () => (await (await fetch(`${baseUrl()}/api/simulator/business`)).json()) as Record<string, unknown>;

describe("Meta's limits, checked before sending", () => {
  const email = (length: number) => `${"a".repeat(length - "@northwind.example".length)}@northwind.example`;
  const site = (length: number) => `https://northwind.example/${"p".repeat(length - "https://northwind.example/".length)}`;
  it.each([
    { field: "about", at: "a".repeat(139), over: "a".repeat(140) },
    { field: "description", at: "d".repeat(512), over: "d".repeat(513) },
    { field: "address", at: "s".repeat(256), over: "s".repeat(257) },
    { field: "email", at: email(128), over: email(129) },
    { field: "websites", at: [site(256), site(256)], over: [site(257)] },
  ])("accepts $field exactly at its limit and refuses one more with a sentence", async ({ field, at, over }) => {
    const accepted = await patch({ [field]: at });
    expect(accepted.status, await accepted.clone().text()).toBe(200);
    expect(((await accepted.json()) as { profile: Record<string, unknown> }).profile[field]).toEqual(at);

    const refused = await patch({ [field]: over });
    expect(refused.status).toBe(422);
    const body = (await refused.json()) as { error: { code: string; fields: Record<string, string> } };
    expect(body.error.code).toBe("INVALID_INPUT");
    expect(body.error.fields[field]).toMatch(/^[A-Z].*\.$/);
  });

  it.each([
    { what: "an empty about", body: { about: "" }, field: "about" },
    { what: "a malformed e-mail", body: { email: "hello at northwind" }, field: "email" },
    { what: "three websites", body: { websites: ["https://a.example", "https://b.example", "https://c.example"] }, field: "websites" },
    { what: "a website without http(s)", body: { websites: ["northwind.example"] }, field: "websites" },
    { what: "an unknown industry", body: { vertical: "FURNITURE" }, field: "vertical" },
    { what: "clearing the industry", body: { vertical: "" }, field: "vertical" },
    { what: "an unknown field", body: { name: "Northwind" }, field: "profile" },
  ])("refuses $what", async ({ body, field }) => {
    const response = await patch(body);
    expect(response.status).toBe(422);
    const { error } = (await response.json()) as { error: { fields: Record<string, string> } };
    expect(Object.keys(error.fields)).toContain(field);
  });

  it("shows Meta's own refusal in words when Meta still refuses", async () => {
    const response = await patch({ photoHandle: "4::aW1hZ2UvcG5n:1" });
    expect(response.status).toBe(422);
    const { error } = (await response.json()) as { error: { message: string; fields: Record<string, string> } };
    expect(error.fields.photoHandle).toBe("WhatsApp refused the change: Param profile_picture_handle is not a valid image handle.");
  });
});

describe("saving, versions and restore", () => {
  it("sends only what changed, reaches the customer's phone, and keeps a version with who and a diff", async () => {
    const before = await overview();
    const about = `Solid wood, made to last · ${uniqueTag()}`;
    const response = await patch({ about, address: before.profile.address });
    expect(response.status).toBe(200);
    expect((await customerSees()).about).toBe(about);

    const after = await overview();
    expect(after.profile.about).toBe(about);
    expect(after.versions[0]).toMatchObject({
      savedBy: "Ada Admin",
      source: "app",
      changes: { about: { before: before.profile.about, after: about } },
    });
    // The address was sent unchanged, so it is not part of the change.
    expect(after.versions[0].changes).not.toHaveProperty("address");
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "business_profile.saved", targetId: channelId },
      orderBy: { seq: "desc" },
    });
    expect(event.after).toMatchObject({ about, versionId: after.versions[0].id });
  });

  it("restores an earlier version as a new version", async () => {
    const first = `First words · ${uniqueTag()}`;
    expect((await patch({ about: first })).status).toBe(200);
    const firstVersion = (await overview()).versions[0];
    expect((await patch({ about: `Second words · ${uniqueTag()}` })).status).toBe(200);

    const restored = await admin.fetch(`${profilePath()}/versions/${firstVersion.id}/restore`, { method: "POST" });
    expect(restored.status, await restored.clone().text()).toBe(200);
    const now = await overview();
    expect(now.profile.about).toBe(first);
    expect(now.versions[0].id).not.toBe(firstVersion.id);
    expect(now.versions[0].changes.about?.after).toBe(first);
    expect((await customerSees()).about).toBe(first);
    expect(await db.auditEvent.count({ where: { action: "business_profile.restored", targetId: channelId } })).toBeGreaterThan(0);
  });
});

describe("a change made outside Switchboard", () => {
  const manager = (changes: Record<string, unknown>) =>
    fetch(`${baseUrl()}/api/simulator/business`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(changes),
    });

  it("is noticed, shown as a difference, and adopted as a version from WhatsApp", async () => {
    const saved = `Saved here · ${uniqueTag()}`;
    expect((await patch({ about: saved })).status).toBe(200);
    const elsewhere = `Changed in WhatsApp Manager · ${uniqueTag()}`;
    expect((await manager({ about: elsewhere })).status).toBe(200);

    const { drift } = await overview();
    expect(drift?.changes).toEqual({ about: { before: saved, after: elsewhere } });

    const adopted = await admin.fetch(`${profilePath()}/drift`, { method: "POST", body: JSON.stringify({ resolve: "adopt" }) });
    expect(adopted.status, await adopted.clone().text()).toBe(200);
    const now = await overview();
    expect(now.drift).toBeNull();
    expect(now.versions[0]).toMatchObject({ source: "meta", savedBy: "Ada Admin", changes: { about: { after: elsewhere } } });
  });

  it("can be overwritten with the last saved version", async () => {
    const saved = `Ours · ${uniqueTag()}`;
    expect((await patch({ about: saved })).status).toBe(200);
    expect((await manager({ about: `Theirs · ${uniqueTag()}` })).status).toBe(200);
    expect((await overview()).drift).not.toBeNull();

    const overwritten = await admin.fetch(`${profilePath()}/drift`, { method: "POST", body: JSON.stringify({ resolve: "overwrite" }) });
    expect(overwritten.status, await overwritten.clone().text()).toBe(200);
    expect((await customerSees()).about).toBe(saved);
    expect((await overview()).drift).toBeNull();
  });
});

describe("the profile photo", () => {
  const upload = (bytes: Uint8Array, type = "image/png") => {
    const form = new FormData();
    form.set("file", new Blob([Buffer.from(bytes)], { type }), "photo.png");
    return fetch(`${baseUrl()}${profilePath()}/photo`, { method: "POST", body: form, headers: { cookie: admin.cookie } });
  };

  it("goes up through the Resumable Upload API and shows on the customer's phone", async () => {
    const response = await upload(pngOfSize(192, 192));
    expect(response.status, await response.clone().text()).toBe(201);
    const { handle } = (await response.json()) as { handle: string };
    expect(handle).toMatch(/^4::/);
    expect((await patch({ photoHandle: handle })).status).toBe(200);

    const photoUrl = (await customerSees()).photoUrl as string;
    expect(photoUrl).toContain("/api/simulator/profile-photos/");
    const photo = await fetch(photoUrl);
    expect(photo.headers.get("content-type")).toBe("image/png");
    expect((await overview()).versions[0].changes).toHaveProperty("photoUrl");
  });

  it("refuses a photo under 192 pixels or that is not an image", async () => {
    const small = await upload(pngOfSize(191, 400));
    expect(small.status).toBe(422);
    expect(((await small.json()) as { error: { message: string } }).error.message).toContain("at least 192 × 192 pixels");
    expect((await upload(new TextEncoder().encode("not a photo"), "image/png")).status).toBe(422);
  });
});

describe("who may", () => {
  it("lets a manager read but not save, and an agent neither", async () => {
    const manager = await signIn("manager@example.com");
    expect((await manager.fetch(profilePath())).status).toBe(200);
    expect((await manager.fetch(profilePath(), { method: "PATCH", body: JSON.stringify({ about: "Manager's words" }) })).status).toBe(403);
    expect((await manager.fetch(`${profilePath()}/drift`, { method: "POST", body: JSON.stringify({ resolve: "adopt" }) })).status).toBe(
      403,
    );
    const agent = await signIn("agent@example.com");
    expect((await agent.fetch(profilePath())).status).toBe(403);
    expect((await agent.fetch(profilePath(), { method: "PATCH", body: JSON.stringify({ about: "Agent's words" }) })).status).toBe(403);
  });
});
