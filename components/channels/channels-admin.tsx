"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { failureText } from "@/components/api/client";
import { useUpdateChannel } from "@/components/api/mutations";
import type { ChannelDto } from "@/components/api/types";
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
      saved(changed, changed.disabledAt ? `${changed.name} is disabled: nothing is sent from it.` : `${changed.name} sends again.`);
    } catch (failure) {
      setNotice({ ok: false, text: failureText(failure, "The channel could not be changed.") });
    }
  }

  return (
    <div className="space-y-4">
      <div className="flex items-start justify-between gap-4">
        <div>
          <h1 className="text-lg font-semibold">Channels</h1>
          <p className="text-sm text-slate-500">
            The WhatsApp numbers and Facebook Pages customers write to. Each is an inbox with its own members; credentials are checked with
            Meta before they are saved and stored encrypted.
          </p>
        </div>
        <div className="flex shrink-0 gap-2">
          <Button className="whitespace-nowrap" onClick={() => setEditing("new-page")} data-testid="connect-page">
            Connect a Page
          </Button>
          <Button tone="primary" className="whitespace-nowrap" onClick={() => setEditing("new")}>
            Connect a number
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
            <th className="px-3 py-2 font-medium">Inbox</th>
            <th className="px-3 py-2 font-medium">Number or Page</th>
            <th className="px-3 py-2 font-medium">Health</th>
            <th className="px-3 py-2 font-medium">Credentials</th>
            <th className="px-3 py-2" />
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {channels.length === 0 && (
            <tr>
              <td colSpan={5} className="px-3 py-8 text-center text-slate-500">
                No number is connected yet. Connect one to start receiving messages.
              </td>
            </tr>
          )}
          {channels.map((channel) => (
            <ChannelRow key={channel.id} channel={channel} onEdit={() => setEditing(channel)} onToggle={() => void toggle(channel)} />
          ))}
        </tbody>
      </table>
      <p className="text-xs text-slate-500">
        In Meta&apos;s app dashboard, point the webhook at <code className="rounded bg-slate-100 px-1">{webhookUrl}</code> with the
        channel&apos;s verify token, and subscribe to the <code className="rounded bg-slate-100 px-1">messages</code> field. A Page&apos;s
        webhook goes to <code className="rounded bg-slate-100 px-1">{pageWebhookUrl}</code>, subscribed to messages, message_echoes,
        messaging_postbacks, messaging_referrals, message_deliveries, message_reads, message_reactions, messaging_handovers and standby.
      </p>
      <Dialog
        open={editing !== null}
        onClose={() => setEditing(null)}
        title={
          editing === "new"
            ? "Connect a WhatsApp number"
            : editing === "new-page"
              ? "Connect a Facebook Page"
              : `Edit ${editing?.name ?? ""}`
        }
        width="max-w-lg"
      >
        {editing !== null && !page && (
          <ChannelForm
            channel={adding ? null : (editing as ChannelDto)}
            onDone={(channel) => saved(channel, adding ? `${channel.name} is connected.` : `${channel.name} is saved.`)}
          />
        )}
        {editing !== null && page && (
          <PageForm
            channel={adding ? null : (editing as ChannelDto)}
            onDone={(channel) => saved(channel, adding ? `${channel.name} is connected.` : `${channel.name} is saved.`)}
          />
        )}
      </Dialog>
    </div>
  );
}
