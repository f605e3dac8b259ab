"use client";

import { call } from "@/components/account/api-call";
import type { InviteInput, UpdateUserInput } from "@/lib/users/schemas";
import type { InviteRow, IssuedLink, UserRow, UsersOverview } from "@/lib/users/types";

export const usersApi = {
  list: () => call<UsersOverview>("/api/users"),
  update: (userId: string, changes: UpdateUserInput) => call<UserRow>(`/api/users/${userId}`, "PATCH", changes),
  deactivate: (userId: string) => call<UserRow>(`/api/users/${userId}/deactivate`, "POST"),
  reactivate: (userId: string) => call<UserRow>(`/api/users/${userId}/reactivate`, "POST"),
  passwordReset: (userId: string) => call<IssuedLink>(`/api/users/${userId}/password-reset`, "POST"),
  invite: (input: InviteInput) => call<IssuedLink & { invite: InviteRow }>("/api/invites", "POST", input),
  revokeInvite: (inviteId: string) => call<{ ok: true }>(`/api/invites/${inviteId}`, "DELETE"),
};
