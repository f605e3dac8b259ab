"use client";

import { useTranslations } from "next-intl";
import type { ProfileOverview } from "@/components/api/types";
import { useDates } from "@/components/i18n/use-dates";
import { Button } from "@/components/ui/button";
import { ProfileChanges } from "./profile-changes";

// The profile on WhatsApp differs from the last version saved here: someone changed it in WhatsApp
// Manager or another tool. Admins keep the change (adopt) or put the saved version back (overwrite).

export function ProfileDrift({
  drift,
  canResolve,
  busy,
  onResolve,
}: {
  drift: NonNullable<ProfileOverview["drift"]>;
  canResolve: boolean;
  busy: boolean;
  onResolve: (resolve: "adopt" | "overwrite") => void;
}) {
  const t = useTranslations("profile");
  const dates = useDates();
  return (
    <section
      className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900"
      data-testid="profile-drift"
      role="status"
    >
      <p className="font-medium">{t("driftTitle")}</p>
      <p>{t("driftBody", { date: dates.full(drift.checkedAt) })}</p>
      <ProfileChanges changes={drift.changes} />
      {canResolve ? (
        <div className="flex gap-2 pt-1">
          <Button size="sm" tone="primary" disabled={busy} onClick={() => onResolve("adopt")}>
            {t("keepWhatsApp")}
          </Button>
          <Button size="sm" disabled={busy} onClick={() => onResolve("overwrite")}>
            {t("overwrite")}
          </Button>
        </div>
      ) : (
        <p className="text-xs">{t("driftAdminOnly")}</p>
      )}
    </section>
  );
}
