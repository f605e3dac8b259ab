"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { api } from "@/components/api/client";
import type { ChannelAlertDto } from "@/lib/whatsapp/channel-alerts";

// What Meta reported about the number or account, for admins, until they dismiss it. The banner sits
// above the workspace's query cache (it is in the layout's header, outside QueryProvider) and has
// nothing cached to update, so it calls the client directly.
export function AlertBanner({ alerts }: { alerts: ChannelAlertDto[] }) {
  const t = useTranslations("workspace");
  const [visible, setVisible] = useState(alerts);
  if (visible.length === 0) return null;

  async function dismiss(id: string) {
    // A refused or failed dismissal leaves the alert shown, so it can be tried again.
    const dismissed = await api.settings.dismissAlert(id).then(
      () => true,
      () => false,
    );
    if (dismissed) setVisible((current) => current.filter((alert) => alert.id !== id));
  }

  return (
    <div className="border-b border-amber-200 bg-amber-50 text-sm text-amber-900" data-testid="alert-banner">
      {visible.map((alert) => (
        <div key={alert.id} className="flex items-center justify-between gap-4 px-4 py-1.5">
          <span>
            <span className="font-medium">{alert.channelName}:</span> {alert.summary}{" "}
            <Link
              href={
                alert.kind === "profile_changed_elsewhere" ? `/settings/profile/${alert.channelId}` : `/settings/number/${alert.channelId}`
              }
              className="underline hover:text-amber-950"
            >
              {alert.kind === "profile_changed_elsewhere" ? t("openProfile") : t("openNumberHealth")}
            </Link>
          </span>
          <button onClick={() => void dismiss(alert.id)} className="shrink-0 rounded px-2 py-0.5 text-xs hover:bg-amber-100">
            {t("dismiss")}
          </button>
        </div>
      ))}
    </div>
  );
}
