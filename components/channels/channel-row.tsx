"use client";

import type { ChannelDto } from "@/components/api/types";
import type { SecretState } from "@/lib/channels/serialize";
import { Button } from "@/components/ui/button";

const quality: Record<string, string> = {
  GREEN: "bg-emerald-100 text-emerald-800",
  YELLOW: "bg-amber-100 text-amber-800",
  RED: "bg-red-100 text-red-800",
};

export function ChannelRow({ channel, onEdit, onToggle }: { channel: ChannelDto; onEdit: () => void; onToggle: () => void }) {
  return (
    <tr
      data-testid="channel-row"
      data-phone-number-id={channel.phoneNumberId}
      className={channel.disabledAt ? "bg-slate-50 text-slate-500" : ""}
    >
      <td className="px-3 py-2">
        <span className="font-medium">{channel.name}</span>
        <span className="block text-xs text-slate-500">
          {channel.members} member{channel.members === 1 ? "" : "s"}
          {channel.disabledAt && <span className="ml-2 rounded bg-slate-200 px-1.5 py-0.5 text-slate-700">Disabled</span>}
        </span>
      </td>
      <td className="px-3 py-2 tabular-nums">
        {channel.displayPhoneNumber ? `+${channel.displayPhoneNumber}` : "—"}
        <span className="block text-xs text-slate-500">id {channel.phoneNumberId}</span>
      </td>
      <td className="px-3 py-2 text-xs">
        {channel.health.qualityRating ? (
          <span className={`rounded px-1.5 py-0.5 font-medium ${quality[channel.health.qualityRating] ?? "bg-slate-100"}`}>
            {channel.health.qualityRating.toLowerCase()}
          </span>
        ) : (
          <span className="text-slate-500">not reported yet</span>
        )}
        {channel.health.messagingLimit && (
          <span className="ml-2 text-slate-500">{channel.health.messagingLimit.replace(/_/g, " ").toLowerCase()}</span>
        )}
      </td>
      <td className="px-3 py-2 text-xs" data-testid="channel-secrets">
        {channel.secrets ? (
          <dl className="grid grid-cols-[auto_1fr] gap-x-2">
            <Secret label="Access token" state={channel.secrets.accessToken} />
            <Secret label="App secret" state={channel.secrets.appSecret} />
            <Secret label="Verify token" state={channel.secrets.verifyToken} />
          </dl>
        ) : (
          <span className="rounded bg-slate-100 px-1.5 py-0.5 text-slate-600">from configuration</span>
        )}
      </td>
      <td className="px-3 py-2 text-right whitespace-nowrap">
        <Button size="sm" tone="ghost" onClick={onEdit} aria-label={`Edit ${channel.name}`}>
          Edit
        </Button>
        <Button size="sm" tone="ghost" onClick={onToggle} aria-label={`${channel.disabledAt ? "Enable" : "Disable"} ${channel.name}`}>
          {channel.disabledAt ? "Enable" : "Disable"}
        </Button>
      </td>
    </tr>
  );
}

function Secret({ label, state }: { label: string; state: SecretState }) {
  return (
    <>
      <dt className="text-slate-500">{label}</dt>
      <dd>
        {state.set ? "set" : "not set"}
        {state.changedAt && (
          <span className="text-slate-500" suppressHydrationWarning>
            {" "}
            · last changed {new Date(state.changedAt).toLocaleDateString([], { dateStyle: "medium" })}
          </span>
        )}
      </dd>
    </>
  );
}
