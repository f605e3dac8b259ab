// The single truth about who may do what. Guards, route handlers, pages and the socket handshake
// all ask can(); nothing else compares roles.

export const roles = ["AGENT", "MANAGER", "ADMIN"] as const;
export type Role = (typeof roles)[number];

export type Permission =
  | "inbox.view"
  | "conversation.view"
  | "conversation.reply"
  | "conversation.assign"
  | "conversation.update"
  | "contact.update"
  | "contact.block"
  | "labels.manage"
  | "canned.manage"
  | "dashboard.view"
  | "settings.manage"
  | "users.manage"
  | "account.manage"
  | "audit.view"
  | "audit.verify"
  | "webhooks.replay";

export const permissions = {
  "inbox.view": ["AGENT", "MANAGER", "ADMIN"],
  "conversation.view": ["AGENT", "MANAGER", "ADMIN"],
  "conversation.reply": ["AGENT", "MANAGER", "ADMIN"],
  "conversation.assign": ["AGENT", "MANAGER", "ADMIN"],
  "conversation.update": ["AGENT", "MANAGER", "ADMIN"],
  "contact.update": ["AGENT", "MANAGER", "ADMIN"],
  "contact.block": ["AGENT", "MANAGER", "ADMIN"],
  "labels.manage": ["MANAGER", "ADMIN"],
  "canned.manage": ["MANAGER", "ADMIN"],
  "dashboard.view": ["MANAGER", "ADMIN"],
  "settings.manage": ["ADMIN"],
  "users.manage": ["ADMIN"],
  "account.manage": ["AGENT", "MANAGER", "ADMIN"],
  "audit.view": ["ADMIN"],
  "audit.verify": ["ADMIN"],
  "webhooks.replay": ["ADMIN"],
} as const satisfies Record<Permission, readonly Role[]>;

export function can(role: Role | undefined | null, permission: Permission): boolean {
  if (!role) return false;
  return (permissions[permission] as readonly Role[]).includes(role);
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (roles as readonly string[]).includes(value);
}
