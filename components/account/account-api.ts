"use client";

import type { UpdateAccountInput } from "@/lib/users/schemas";
import type { AccountDto } from "@/lib/users/types";
import { call } from "./api-call";

export const accountApi = {
  setup: (input: { token: string; name: string; email: string; password: string }) => call<{ email: string }>("/api/setup", "POST", input),
  acceptInvite: (input: { token: string; name: string; password: string }) => call<{ email: string }>("/api/invites/accept", "POST", input),
  resetPassword: (input: { token: string; password: string }) => call<{ email: string }>("/api/password-reset", "POST", input),
  update: (changes: UpdateAccountInput) => call<AccountDto>("/api/account", "PATCH", changes),
  changePassword: (input: { currentPassword: string; newPassword: string }) =>
    call<{ email: string }>("/api/account/password", "POST", input),
  signOutEverywhere: () => call<{ ok: true }>("/api/account/sign-out-everywhere", "POST"),
};
