"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useInvite } from "@/components/api/mutations";
import { Button } from "@/components/ui/button";
import { DialogFooter } from "./dialog-footer";
import { Dialog } from "@/components/ui/dialog";
import { roles, type Role } from "@/lib/auth/permissions";
import type { IssuedLink as Issued, Ref } from "@/lib/users/types";
import { GrantPicker } from "./grant-picker";
import { IssuedLink } from "./issued-link";

const field = "w-full rounded-md border border-slate-300 px-2.5 py-1.5 text-sm focus:border-brand-500";

/** Invite by e-mail with a role, inboxes and teams; then the link, once, to copy. */
export function InviteDialog({
  inboxes,
  teams,
  onClose,
  onInvited,
}: {
  inboxes: Ref[];
  teams: Ref[];
  onClose: () => void;
  onInvited: () => void;
}) {
  const t = useTranslations("users");
  const roleText = useTranslations("roles");
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [role, setRole] = useState<Role>("AGENT");
  // One inbox is the common case: start with it ticked.
  const [inboxIds, setInboxIds] = useState<string[]>(inboxes.length === 1 ? [inboxes[0]!.id] : []);
  const [teamIds, setTeamIds] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [issued, setIssued] = useState<Issued | null>(null);
  const invite = useInvite();

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      const result = await invite.mutateAsync({ email, name: name.trim() || null, role, inboxIds, teamIds });
      setIssued(result);
      onInvited();
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setPending(false);
    }
  }

  if (issued) {
    return (
      <Dialog open onClose={onClose} title={t("invitationFor", { email: email.trim() })} width="max-w-lg">
        <div className="space-y-4" data-testid="invite-link-dialog">
          <p className="text-sm text-slate-600">{t("sendLink")}</p>
          <IssuedLink issued={issued} recipient={email.trim()} />
          <div className="flex justify-end">
            <Button onClick={onClose}>{t("done")}</Button>
          </div>
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog open onClose={onClose} title={t("inviteSomeone")} width="max-w-lg">
      <form onSubmit={submit} className="space-y-4 text-sm" data-testid="invite-form">
        <div className="grid grid-cols-2 gap-3">
          <label className="block">
            <span className="mb-1 block font-medium text-slate-700">{t("email")}</span>
            <input
              type="email"
              name="email"
              required
              autoFocus
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              className={field}
            />
          </label>
          <label className="block">
            <span className="mb-1 block font-medium text-slate-700">
              {t.rich("nameOptional", { muted: (chunks) => <span className="font-normal text-slate-500">{chunks}</span> })}
            </span>
            <input name="name" maxLength={80} value={name} onChange={(e) => setName(e.target.value)} className={field} />
          </label>
        </div>
        <fieldset>
          <legend className="mb-1 font-medium text-slate-700">{t("role")}</legend>
          <div className="space-y-1">
            {roles.map((option) => (
              <label key={option} className="flex items-baseline gap-2">
                <input
                  type="radio"
                  name="role"
                  value={option}
                  className="accent-brand-600"
                  checked={role === option}
                  onChange={() => setRole(option)}
                />
                <span>
                  {roleText(`label.${option}`)} <span className="text-xs text-slate-500">— {roleText(`description.${option}`)}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <GrantPicker
          legend={t("inboxes")}
          options={inboxes}
          selected={inboxIds}
          onChange={setInboxIds}
          empty={t("noInboxes")}
          testId="invite-inboxes"
        />
        <GrantPicker
          legend={t("teams")}
          options={teams}
          selected={teamIds}
          onChange={setTeamIds}
          empty={t("noTeams")}
          testId="invite-teams"
        />
        {inboxIds.length === 0 && inboxes.length > 0 && <p className="text-xs text-amber-700">{t("withoutInbox")}</p>}
        <DialogFooter error={error} onCancel={onClose}>
          <Button type="submit" tone="primary" disabled={pending}>
            {pending ? t("inviting") : t("createInvitation")}
          </Button>
        </DialogFooter>
      </form>
    </Dialog>
  );
}
