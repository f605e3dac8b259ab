"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useUpdateChannel } from "@/components/api/mutations";
import type { ChannelDto } from "@/components/api/types";
import { useErrorText } from "@/components/i18n/use-error-text";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ChannelForm } from "./channel-form";
import { ChannelRow } from "./channel-row";
import { PageForm } from "./page-form";

// Settings → Channels: the WhatsApp numbers and Facebook Pages behind the inboxes. Rendered by the server; every
// change goes through the JSON API, then the page is asked for again (router.refresh()).

export function ChannelsAdmin({
  channels,
  webhookUrl,
  pageWebhookUrl,
}: {
  channels: ChannelDto[];
  webhookUrl: string;
  pageWebhookUrl: string;
}) {
  const t = useTranslations("channels");
  const errorText = useErrorText();
  const router = useRouter();
  const [editing, setEditing] = useState<ChannelDto | "new" | "new-page" | null>(null);
  const page = editing === "new-page" || (typeof editing === "object" && editing?.type === "messenger");
  const adding = editing === "new" || editing === "new-page";
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const update = useUpdateChannel();

  function saved(channel: ChannelDto, text: string) {
    setEditing(null);
    setNotice({ ok: true, text });
    router.refresh();
    return channel;
  }

  async function toggle(channel: ChannelDto) {
    setNotice(null);
    try {
      const changed = await update.mutateAsync({ channelId: channel.id, changes: { disabled: !channel.disabledAt } });
      saved(changed, changed.disabledAt ? t("disabledDone", { name: changed.name }) : t("enabledDone", { name: changed.name }));
    } catch (failure) {
      setNotice({ ok: false, text: errorText(failure, t("changeFailed")) });
    }
  }

  return (
    <div className="space-y-4">
      <div className="flex items-start justify-between gap-4">
        <div>
          <h1 className="text-lg font-semibold">{t("title")}</h1>
          <p className="text-sm text-slate-500">{t("introWithPages")}</p>
        </div>
        <div className="flex shrink-0 gap-2">
          <Button className="whitespace-nowrap" onClick={() => setEditing("new-page")} data-testid="connect-page">
            {t("connectAPage")}
          </Button>
          <Button tone="primary" className="whitespace-nowrap" onClick={() => setEditing("new")}>
            {t("connectANumber")}
          </Button>
        </div>
      </div>
      {notice && (
        <p
          role={notice.ok ? "status" : "alert"}
          className={`rounded-md px-3 py-2 text-sm ${notice.ok ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-700"}`}
        >
          {notice.text}
        </p>
      )}
      <table className="w-full overflow-hidden rounded-lg border border-slate-200 bg-white text-sm" data-testid="channels-table">
        <thead className="bg-slate-50 text-left text-xs text-slate-500">
          <tr>
            <th className="px-3 py-2 font-medium">{t("inbox")}</th>
            <th className="px-3 py-2 font-medium">{t("numberOrPage")}</th>
            <th className="px-3 py-2 font-medium">{t("health")}</th>
            <th className="px-3 py-2 font-medium">{t("credentials")}</th>
            <th className="px-3 py-2" />
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {channels.length === 0 && (
            <tr>
              <td colSpan={5} className="px-3 py-8 text-center text-slate-500">
                {t("empty")}
              </td>
            </tr>
          )}
          {channels.map((channel) => (
            <ChannelRow key={channel.id} channel={channel} onEdit={() => setEditing(channel)} onToggle={() => void toggle(channel)} />
          ))}
        </tbody>
      </table>
      <p className="text-xs text-slate-500">
        {t.rich("webhookHelp", { url: webhookUrl, code: (chunks) => <code className="rounded bg-slate-100 px-1">{chunks}</code> })}{" "}
        {t.rich("pageWebhookHelp", { url: pageWebhookUrl, code: (chunks) => <code className="rounded bg-slate-100 px-1">{chunks}</code> })}
      </p>
      <Dialog
        open={editing !== null}
        onClose={() => setEditing(null)}
        title={
          editing === "new"
            ? t("connectTitle")
            : editing === "new-page"
              ? t("connectPageTitle")
              : t("editName", { name: editing?.name ?? "" })
        }
        width="max-w-lg"
      >
        {editing !== null && !page && (
          <ChannelForm
            channel={adding ? null : (editing as ChannelDto)}
            onDone={(channel) => saved(channel, adding ? t("connected", { name: channel.name }) : t("saved", { name: channel.name }))}
          />
        )}
        {editing !== null && page && (
          <PageForm
            channel={adding ? null : (editing as ChannelDto)}
            onDone={(channel) => saved(channel, adding ? t("connected", { name: channel.name }) : t("saved", { name: channel.name }))}
          />
        )}
      </Dialog>
    </div>
  );
}
