import { describe, expect, it } from "vitest";
import { can, permissions, roles, type Permission, type Role } from "@/lib/auth/permissions";

describe("permission map", () => {
  it.each<[Permission, Role[]]>([
    ["inbox.view", ["AGENT", "MANAGER", "ADMIN"]],
    ["conversation.reply", ["AGENT", "MANAGER", "ADMIN"]],
    ["conversation.assign", ["AGENT", "MANAGER", "ADMIN"]],
    ["contact.block", ["AGENT", "MANAGER", "ADMIN"]],
    ["labels.manage", ["MANAGER", "ADMIN"]],
    ["canned.manage", ["MANAGER", "ADMIN"]],
    ["dashboard.view", ["MANAGER", "ADMIN"]],
    ["settings.manage", ["ADMIN"]],
    ["users.manage", ["ADMIN"]],
    ["webhooks.replay", ["ADMIN"]],
  ])("%s is granted to exactly %j", (permission, allowed) => {
    for (const role of roles) expect(can(role, permission)).toBe(allowed.includes(role));
  });

  it("grants nothing without a role", () => {
    for (const permission of Object.keys(permissions) as Permission[]) {
      expect(can(undefined, permission)).toBe(false);
      expect(can(null, permission)).toBe(false);
    }
  });

  it("gives admins every permission", () => {
    for (const permission of Object.keys(permissions) as Permission[]) expect(can("ADMIN", permission)).toBe(true);
  });
});
