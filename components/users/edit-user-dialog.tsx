"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useUpdateUser } from "@/components/api/mutations";
import { Button } from "@/components/ui/button";
import { DialogFooter } from "./dialog-footer";
import { Dialog } from "@/components/ui/dialog";
import { roles, type Role } from "@/lib/auth/permissions";
import type { Ref, UserRow } from "@/lib/users/types";
import { GrantPicker } from "./grant-picker";

/** Role, inboxes and teams of one user; only what changed is sent, and takes effect on their next request. */
export function EditUserDialog({
  user,
  isSelf,
  inboxes,
  teams,
  onClose,
  onSaved,
}: {
  user: UserRow;
  isSelf: boolean;
  inboxes: Ref[];
  teams: Ref[];
  onClose: () => void;
  onSaved: (message: string) => void;
}) {
  const t = useTranslations("users");
  const roleText = useTranslations("roles");
  const [role, setRole] = useState<Role>(user.role);
  const [inboxIds, setInboxIds] = useState(user.inboxes.map((inbox) => inbox.id));
  const [teamIds, setTeamIds] = useState(user.teams.map((team) => team.id));
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const updateUser = useUpdateUser();
  const lowered = roles.indexOf(role) < roles.indexOf(user.role);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const same = (a: string[], b: Ref[]) => a.length === b.length && b.every((ref) => a.includes(ref.id));
    const changes = {
      ...(role !== user.role ? { role } : {}),
      ...(same(inboxIds, user.inboxes) ? {} : { inboxIds }),
      ...(same(teamIds, user.teams) ? {} : { teamIds }),
    };
    if (Object.keys(changes).length === 0) return onClose();
    setPending(true);
    setError(null);
    try {
      await updateUser.mutateAsync({ userId: user.id, changes });
      onSaved(t("accessSaved", { name: user.name }));
    } catch (caught) {
      setError((caught as Error).message);
      setPending(false);
    }
  }

  return (
    <Dialog open onClose={onClose} title={t("accessFor", { name: user.name })} width="max-w-lg">
      <form onSubmit={submit} className="space-y-4 text-sm" data-testid="edit-user-form">
        <label className="block">
          <span className="mb-1 block font-medium text-slate-700">{t("role")}</span>
          <select
            name="role"
            value={role}
            disabled={isSelf}
            onChange={(event) => setRole(event.target.value as Role)}
            className="w-full rounded-md border border-slate-300 px-2.5 py-1.5 disabled:bg-slate-50"
          >
            {roles.map((option) => (
              <option key={option} value={option}>
                {roleText(`label.${option}`)} — {roleText(`description.${option}`)}
              </option>
            ))}
          </select>
          {isSelf && <span className="mt-1 block text-xs text-slate-500">{t("ownRole")}</span>}
          {lowered && <span className="mt-1 block text-xs text-amber-700">{t("loses", { name: user.name, role: user.role })}</span>}
        </label>
        <GrantPicker
          legend={t("inboxes")}
          options={inboxes}
          selected={inboxIds}
          onChange={setInboxIds}
          empty={t("noInboxes")}
          testId="edit-inboxes"
        />
        <GrantPicker
          legend={t("teams")}
          options={teams}
          selected={teamIds}
          onChange={setTeamIds}
          empty={t("noTeams")}
          testId="edit-teams"
        />
        <DialogFooter error={error} onCancel={onClose}>
          <Button type="submit" tone="primary" disabled={pending}>
            {pending ? t("saving") : t("save")}
          </Button>
        </DialogFooter>
      </form>
    </Dialog>
  );
}
