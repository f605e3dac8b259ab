import "server-only";
import { db } from "@/lib/db/client";
import { inviteRowInclude, pendingInviteWhere, toInviteRow, toUserRow, userRowSelect } from "./serialize";
import type { Ref, UsersOverview } from "./types";

/** Everyone with an account (active first), the invitations still pending, and what can be granted. */
export async function listUsers(): Promise<UsersOverview> {
  const [users, invites, inboxes, teams] = await Promise.all([
    db.user.findMany({ select: userRowSelect, orderBy: [{ active: "desc" }, { name: "asc" }] }),
    db.userToken.findMany({ where: pendingInviteWhere(), include: inviteRowInclude, orderBy: { createdAt: "desc" } }),
    grantableInboxes(),
    grantableTeams(),
  ]);
  return { users: users.map(toUserRow), invites: invites.map((invite) => toInviteRow(invite, { inboxes, teams })), inboxes, teams };
}

function grantableInboxes(): Promise<Ref[]> {
  return db.inbox.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
}

function grantableTeams(): Promise<Ref[]> {
  return db.team.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
}
