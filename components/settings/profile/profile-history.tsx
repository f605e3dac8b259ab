"use client";

import { useTranslations } from "next-intl";
import type { ProfileVersion } from "@/components/api/types";
import { useDates } from "@/components/i18n/use-dates";
import { Button } from "@/components/ui/button";
import { ProfileChanges } from "./profile-changes";

// Every saved version, newest first: who saved it, when, from where, and what changed; admins can
// restore any earlier one.

export function ProfileHistory({
  versions,
  canRestore,
  busy,
  onRestore,
}: {
  versions: ProfileVersion[];
  canRestore: boolean;
  busy: boolean;
  onRestore: (versionId: string) => void;
}) {
  const t = useTranslations("profile");
  const dates = useDates();
  return (
    <section className="rounded-lg border border-slate-200 bg-white" data-testid="profile-history">
      <h2 className="border-b border-slate-100 px-4 py-2 text-sm font-semibold">{t("history")}</h2>
      {versions.length === 0 && <p className="px-4 py-3 text-sm text-slate-500">{t("noVersions")}</p>}
      <ol>
        {versions.map((version, index) => (
          <li
            key={version.id}
            className="flex items-start gap-4 border-b border-slate-100 px-4 py-2 last:border-0"
            data-testid="profile-version"
          >
            <div className="min-w-0 flex-1 space-y-1">
              <p className="text-sm">
                <span className="font-medium">{version.savedBy}</span>{" "}
                <span className="text-slate-500">
                  · {dates.full(version.savedAt)} · {version.source === "meta" ? t("fromWhatsApp") : t("savedHere")}
                </span>
                {index === 0 && <span className="ml-2 rounded bg-emerald-50 px-1.5 text-xs text-emerald-700">{t("current")}</span>}
              </p>
              <ProfileChanges changes={version.changes} />
            </div>
            {canRestore && index > 0 && (
              <Button size="sm" disabled={busy} onClick={() => onRestore(version.id)}>
                {t("restore")}
              </Button>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
