"use client";

import { useTranslations } from "next-intl";
import { useDates } from "@/components/i18n/use-dates";
import { Button } from "@/components/ui/button";
import type { InviteRow } from "@/lib/users/types";

export function InviteTable({ invites, onRevoke }: { invites: InviteRow[]; onRevoke: (invite: InviteRow) => void }) {
  const t = useTranslations("users");
  const roleText = useTranslations("roles");
  const dates = useDates();
  if (invites.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-5 text-center text-sm text-slate-500">
        {t("noInvitations")}
      </p>
    );
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm" data-testid="invites-table">
        <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-500">
          <tr>
            <th className="px-3 py-2 font-medium">{t("invited")}</th>
            <th className="px-3 py-2 font-medium">{t("role")}</th>
            <th className="px-3 py-2 font-medium">{t("inboxesAndTeams")}</th>
            <th className="px-3 py-2 font-medium">{t("by")}</th>
            <th className="px-3 py-2 font-medium">{t("expires")}</th>
            <th className="px-3 py-2 font-medium">
              <span className="sr-only">{t("actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {invites.map((invite) => {
            const grants = [...invite.inboxes, ...invite.teams].map((ref) => ref.name);
            return (
              <tr key={invite.id} data-testid="invite-row" data-email={invite.email}>
                <td className="px-3 py-2">
                  <div className="font-medium">{invite.email}</div>
                  {invite.name && <div className="text-xs text-slate-500">{invite.name}</div>}
                </td>
                <td className="px-3 py-2">{roleText(`label.${invite.role}`)}</td>
                <td className="px-3 py-2 text-slate-700">
                  {grants.length ? grants.join(", ") : <span className="text-slate-500">—</span>}
                </td>
                <td className="px-3 py-2 text-slate-600">{invite.invitedBy ?? "—"}</td>
                <td className="px-3 py-2 whitespace-nowrap text-slate-600">
                  <time dateTime={invite.expiresAt} title={dates.full(invite.expiresAt)}>
                    {dates.relative(invite.expiresAt)}
                  </time>
                </td>
                <td className="px-3 py-2 text-right">
                  <Button
                    size="sm"
                    tone="ghost"
                    className="text-red-700 hover:bg-red-50"
                    onClick={() => onRevoke(invite)}
                    aria-label={t("withdrawFor", { email: invite.email })}
                  >
                    {t("withdraw")}
                  </Button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
