// What the Users page, the invite page and /account show: plain JSON, shared by the server that
// builds it and the browser that renders it.

import type { Role } from "@/lib/auth/permissions";
import type { Theme } from "./themes";

export type Ref = { id: string; name: string };

/** Who makes a change, as the audit trail names them. */
export type Actor = { id: string; name: string };

export type UserRow = {
  id: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  deactivatedAt: string | null;
  /** Set while any of their sockets is connected (refreshed every 30 s), null once they leave. */
  lastSeenAt: string | null;
  inboxes: Ref[];
  teams: Ref[];
  createdAt: string;
};

export type InviteRow = {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  inboxes: Ref[];
  teams: Ref[];
  invitedBy: string | null;
  expiresAt: string;
  createdAt: string;
};

export type UsersOverview = { users: UserRow[]; invites: InviteRow[]; inboxes: Ref[]; teams: Ref[] };

/** A link shown once to the admin who made it (the database keeps only its hash). */
/** `emailFailed`: SMTP is set up but the mail could not be sent (the admin passes the link on). */
export type IssuedLink = { link: string; expiresAt: string; emailed: boolean; emailFailed: boolean };

export type AccountDto = {
  id: string;
  name: string;
  email: string;
  role: Role;
  locale: string | null;
  timeZone: string | null;
  theme: Theme;
  passwordChangedAt: string | null;
};
