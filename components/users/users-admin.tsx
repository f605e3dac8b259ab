"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useIssuePasswordReset, useRevokeInvite, useSetUserActive } from "@/components/api/mutations";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { InviteRow, IssuedLink as Issued, UserRow, UsersOverview } from "@/lib/users/types";
import { ConfirmDialog } from "./confirm-dialog";
import { EditUserDialog } from "./edit-user-dialog";
import { InviteDialog } from "./invite-dialog";
import { InviteTable } from "./invite-table";
import { IssuedLink } from "./issued-link";
import { UserTable, type UserAction } from "./user-table";

// The Users page: who has access and pending invitations, rendered by the server; every change
// goes through the JSON API and then asks the server for the page again (router.refresh()).

type Open =
  | { kind: "invite" }
  | { kind: "edit"; user: UserRow }
  | { kind: "deactivate"; user: UserRow }
  | { kind: "revoke"; invite: InviteRow }
  | { kind: "reset-link"; user: UserRow; issued: Issued }
  | null;

export function UsersAdmin({ overview, currentUserId }: { overview: UsersOverview; currentUserId: string }) {
  const t = useTranslations("users");
  const router = useRouter();
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const setActive = useSetUserActive();
  const issueReset = useIssuePasswordReset();
  const revokeInvite = useRevokeInvite();
  const close = () => setOpen(null);
  const done = (text: string) => {
    setOpen(null);
    setNotice({ ok: true, text });
    router.refresh();
  };

  async function act(action: UserAction, user: UserRow) {
    setNotice(null);
    if (action === "edit" || action === "deactivate") return setOpen({ kind: action, user });
    try {
      if (action === "reset") return setOpen({ kind: "reset-link", user, issued: await issueReset.mutateAsync(user.id) });
      await setActive.mutateAsync({ userId: user.id, active: true });
      done(t("reactivated", { name: user.name }));
    } catch (caught) {
      setNotice({ ok: false, text: (caught as Error).message });
    }
  }

  const onlyMe = overview.users.length === 1 && overview.invites.length === 0;
  return (
    <div className="space-y-6">
      <div className="flex items-start justify-between gap-4">
        <div>
          <h1 className="text-lg font-semibold">{t("title")}</h1>
          <p className="text-sm text-slate-500">{t("intro")}</p>
        </div>
        <Button tone="primary" onClick={() => setOpen({ kind: "invite" })} data-testid="invite-button">
          {t("inviteSomeone")}
        </Button>
      </div>

      {notice && (
        <p
          role={notice.ok ? "status" : "alert"}
          data-testid="users-notice"
          className={`rounded-md px-3 py-2 text-sm ${notice.ok ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-700"}`}
        >
          {notice.text}
        </p>
      )}

      <section className="space-y-2">
        <UserTable users={overview.users} currentUserId={currentUserId} onAction={(action, user) => void act(action, user)} />
        {onlyMe && <p className="text-sm text-slate-500">{t("justYou")}</p>}
      </section>

      <section className="space-y-2">
        <h2 className="text-sm font-semibold text-slate-700">{t("pendingInvitations")}</h2>
        <InviteTable invites={overview.invites} onRevoke={(invite) => setOpen({ kind: "revoke", invite })} />
      </section>

      {open?.kind === "invite" && (
        <InviteDialog inboxes={overview.inboxes} teams={overview.teams} onClose={close} onInvited={() => router.refresh()} />
      )}
      {open?.kind === "edit" && (
        <EditUserDialog
          user={open.user}
          isSelf={open.user.id === currentUserId}
          inboxes={overview.inboxes}
          teams={overview.teams}
          onClose={close}
          onSaved={done}
        />
      )}
      {open?.kind === "deactivate" && (
        <ConfirmDialog
          title={t("deactivateTitle", { name: open.user.name })}
          confirm={t("deactivate")}
          body={<p>{t("deactivateBody", { name: open.user.name })}</p>}
          onClose={close}
          onConfirm={async () => {
            await setActive.mutateAsync({ userId: open.user.id, active: false });
            done(t("deactivatedDone", { name: open.user.name }));
          }}
        />
      )}
      {open?.kind === "revoke" && (
        <ConfirmDialog
          title={t("withdrawTitle")}
          confirm={t("withdraw")}
          body={<p>{t("withdrawBody", { email: open.invite.email })}</p>}
          onClose={close}
          onConfirm={async () => {
            await revokeInvite.mutateAsync(open.invite.id);
            done(t("withdrawn", { email: open.invite.email }));
          }}
        />
      )}
      {open?.kind === "reset-link" && (
        <Dialog open onClose={close} title={t("resetFor", { name: open.user.name })} width="max-w-lg">
          <div className="space-y-4" data-testid="reset-link-dialog">
            <p className="text-sm text-slate-600">{t("resetBody", { name: open.user.name })}</p>
            <IssuedLink issued={open.issued} recipient={open.user.email} />
            <div className="flex justify-end">
              <Button onClick={close}>{t("done")}</Button>
            </div>
          </div>
        </Dialog>
      )}
    </div>
  );
}
