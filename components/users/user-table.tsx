"use client";

import { useTranslations } from "next-intl";
import { useDates } from "@/components/i18n/use-dates";
import { Button } from "@/components/ui/button";
import { useNow } from "@/components/ui/use-now";
import type { Ref, UserRow } from "@/lib/users/types";
import { ONLINE_WITHIN_MS } from "./format";

export type UserAction = "edit" | "reset" | "deactivate" | "reactivate";

const roleTone = {
  ADMIN: "bg-violet-50 text-violet-700",
  MANAGER: "bg-sky-50 text-sky-700",
  AGENT: "bg-slate-100 text-slate-700",
} as const;

export function UserTable({
  users,
  currentUserId,
  onAction,
}: {
  users: UserRow[];
  currentUserId: string;
  onAction: (action: UserAction, user: UserRow) => void;
}) {
  const t = useTranslations("users");
  const roleText = useTranslations("roles");
  const dates = useDates();
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm" data-testid="users-table">
        <thead className="border-b border-slate-200 bg-slate-50 text-xs font-medium text-slate-500">
          <tr>
            <th className="px-3 py-2 font-medium">{t("name")}</th>
            <th className="px-3 py-2 font-medium">{t("role")}</th>
            <th className="px-3 py-2 font-medium">{t("inboxes")}</th>
            <th className="px-3 py-2 font-medium">{t("teams")}</th>
            <th className="px-3 py-2 font-medium">{t("status")}</th>
            <th className="px-3 py-2 font-medium">{t("lastSeen")}</th>
            <th className="px-3 py-2 font-medium">
              <span className="sr-only">{t("actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {users.map((user) => {
            const self = user.id === currentUserId;
            return (
              <tr
                key={user.id}
                data-testid="user-row"
                data-email={user.email}
                className={user.active ? "" : "bg-slate-50/60 text-slate-500"}
              >
                <td className="px-3 py-2">
                  <div className="font-medium text-slate-900">
                    {user.name}
                    {self && (
                      <span className="ml-1.5 rounded bg-brand-50 px-1.5 py-0.5 text-[11px] font-medium text-brand-700">{t("you")}</span>
                    )}
                  </div>
                  <div className="text-xs text-slate-500">{user.email}</div>
                </td>
                <td className="px-3 py-2">
                  <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${roleTone[user.role]}`} data-testid="user-role">
                    {roleText(`label.${user.role}`)}
                  </span>
                </td>
                <td className="px-3 py-2" data-testid="user-inboxes">
                  <Names refs={user.inboxes} none={user.role === "ADMIN" ? "—" : t("noInbox")} warn={user.role !== "ADMIN"} />
                </td>
                <td className="px-3 py-2">
                  <Names refs={user.teams} none="—" />
                </td>
                <td className="px-3 py-2 whitespace-nowrap" data-testid="user-status">
                  {user.active ? (
                    <span className="inline-flex items-center gap-1.5 text-emerald-700">
                      <span className="h-1.5 w-1.5 rounded-full bg-emerald-500" aria-hidden /> {t("active")}
                    </span>
                  ) : (
                    <span title={user.deactivatedAt ? t("since", { date: dates.full(user.deactivatedAt) }) : undefined}>
                      {t("deactivated")}
                    </span>
                  )}
                </td>
                <td className="px-3 py-2 whitespace-nowrap text-slate-500">
                  <LastSeen iso={user.lastSeenAt} />
                </td>
                <td className="px-3 py-2">
                  <div className="flex justify-end gap-1 whitespace-nowrap">
                    <Button size="sm" tone="ghost" onClick={() => onAction("edit", user)} aria-label={t("editFor", { name: user.name })}>
                      {t("edit")}
                    </Button>
                    {user.active && (
                      <Button
                        size="sm"
                        tone="ghost"
                        onClick={() => onAction("reset", user)}
                        aria-label={t("resetPasswordFor", { name: user.name })}
                      >
                        {t("resetPassword")}
                      </Button>
                    )}
                    {user.active ? (
                      <Button
                        size="sm"
                        tone="ghost"
                        className="text-red-700 hover:bg-red-50"
                        disabled={self}
                        title={self ? t("cannotDeactivateSelf") : undefined}
                        onClick={() => onAction("deactivate", user)}
                        aria-label={t("deactivateFor", { name: user.name })}
                      >
                        {t("deactivate")}
                      </Button>
                    ) : (
                      <Button
                        size="sm"
                        tone="ghost"
                        onClick={() => onAction("reactivate", user)}
                        aria-label={t("reactivateFor", { name: user.name })}
                      >
                        {t("reactivate")}
                      </Button>
                    )}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function Names({ refs, none, warn = false }: { refs: Ref[]; none: string; warn?: boolean }) {
  if (refs.length === 0) return <span className={warn ? "text-xs text-amber-700" : "text-slate-500"}>{none}</span>;
  return <span className="text-slate-700">{refs.map((ref) => ref.name).join(", ")}</span>;
}

function LastSeen({ iso }: { iso: string | null }) {
  const t = useTranslations("users");
  const dates = useDates();
  const now = useNow(30_000);
  if (!iso) return <span className="text-slate-500">—</span>;
  if (now - new Date(iso).getTime() < ONLINE_WITHIN_MS) return <span className="text-emerald-700">{t("onlineNow")}</span>;
  return (
    <time dateTime={iso} title={dates.full(iso)} suppressHydrationWarning>
      {dates.relative(iso, now)}
    </time>
  );
}
