"use client";

import { useTranslations } from "next-intl";
import type { ChannelDto } from "@/components/api/types";
import { useDates } from "@/components/i18n/use-dates";
import type { SecretState } from "@/lib/channels/serialize";
import { Button } from "@/components/ui/button";

const quality: Record<string, string> = {
  GREEN: "bg-emerald-100 text-emerald-800",
  YELLOW: "bg-amber-100 text-amber-800",
  RED: "bg-red-100 text-red-800",
};

export function ChannelRow({ channel, onEdit, onToggle }: { channel: ChannelDto; onEdit: () => void; onToggle: () => void }) {
  const t = useTranslations("channels");
  return (
    <tr
      data-testid="channel-row"
      data-phone-number-id={channel.phoneNumberId ?? undefined}
      data-page-id={channel.pageId ?? undefined}
      className={channel.disabledAt ? "bg-slate-50 text-slate-500" : ""}
    >
      <td className="px-3 py-2">
        <span className="font-medium">{channel.name}</span>
        <span className="block text-xs text-slate-500">
          {t("members", { count: channel.members })}
          {channel.disabledAt && <span className="ml-2 rounded bg-slate-200 px-1.5 py-0.5 text-slate-700">{t("disabled")}</span>}
        </span>
      </td>
      <td className="px-3 py-2 tabular-nums">
        {channel.type === "messenger" ? t("facebookPage") : channel.displayPhoneNumber ? `+${channel.displayPhoneNumber}` : "—"}
        <span className="block text-xs text-slate-500">{t("id", { id: channel.pageId ?? channel.phoneNumberId ?? "" })}</span>
      </td>
      {channel.type === "messenger" ? (
        <td className="px-3 py-2 text-xs" data-testid="human-agent-mark">
          {channel.humanAgent ? (
            <span className="rounded bg-violet-100 px-1.5 py-0.5 font-medium text-violet-800">{t("humanAgentOn")}</span>
          ) : (
            <span className="text-slate-500">{t("humanAgentOff")}</span>
          )}
        </td>
      ) : (
        <td className="px-3 py-2 text-xs">
          {channel.health.qualityRating ? (
            <span className={`rounded px-1.5 py-0.5 font-medium ${quality[channel.health.qualityRating] ?? "bg-slate-100"}`}>
              {t("quality", { rating: channel.health.qualityRating })}
            </span>
          ) : (
            <span className="text-slate-500">{t("notReported")}</span>
          )}
          {channel.health.messagingLimit && (
            <span className="ml-2 text-slate-500">{t("limit", { tier: channel.health.messagingLimit })}</span>
          )}
        </td>
      )}
      <td className="px-3 py-2 text-xs" data-testid="channel-secrets">
        {channel.secrets ? (
          <dl className="grid grid-cols-[auto_1fr] gap-x-2">
            <Secret label={t("accessToken")} state={channel.secrets.accessToken} />
            <Secret label={t("appSecret")} state={channel.secrets.appSecret} />
            <Secret label={t("verifyToken")} state={channel.secrets.verifyToken} />
          </dl>
        ) : (
          <span className="rounded bg-slate-100 px-1.5 py-0.5 text-slate-600">{t("fromConfiguration")}</span>
        )}
      </td>
      <td className="px-3 py-2 text-right whitespace-nowrap">
        <Button size="sm" tone="ghost" onClick={onEdit} aria-label={t("editName", { name: channel.name })}>
          {t("edit")}
        </Button>
        <Button
          size="sm"
          tone="ghost"
          onClick={onToggle}
          aria-label={channel.disabledAt ? t("enableName", { name: channel.name }) : t("disableName", { name: channel.name })}
        >
          {channel.disabledAt ? t("enable") : t("disable")}
        </Button>
      </td>
    </tr>
  );
}

function Secret({ label, state }: { label: string; state: SecretState }) {
  const t = useTranslations("channels");
  const dates = useDates();
  return (
    <>
      <dt className="text-slate-500">{label}</dt>
      <dd>
        {state.set ? t("set") : t("notSet")}
        {state.changedAt && <span className="text-slate-500"> · {t("lastChanged", { date: dates.day(state.changedAt) })}</span>}
      </dd>
    </>
  );
}
