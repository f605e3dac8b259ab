"use client";

import { useState } from "react";
import { failureText, ApiError } from "@/components/api/client";
import { useAddChannel, useUpdateChannel } from "@/components/api/mutations";
import type { ChannelDto } from "@/components/api/types";
import { Button } from "@/components/ui/button";

// Connecting a Facebook Page asks for what Meta's app dashboard shows for it: the Page id, a page
// access token, the app secret and a verify token. The Human Agent mark says the Page's app has
// Meta's Human Agent permission: agents may then answer for 7 days with the HUMAN_AGENT tag.

type Draft = { name: string; pageId: string; accessToken: string; appSecret: string; verifyToken: string; humanAgent: boolean };

const input = "w-full rounded border border-slate-200 px-2 py-1.5 text-sm disabled:bg-slate-50 disabled:text-slate-500";

export function PageForm({ channel, onDone }: { channel: ChannelDto | null; onDone: (saved: ChannelDto) => void }) {
  const [draft, setDraft] = useState<Draft>({
    name: channel?.name ?? "",
    pageId: channel?.pageId ?? "",
    accessToken: "",
    appSecret: "",
    verifyToken: "",
    humanAgent: channel?.humanAgent ?? false,
  });
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const add = useAddChannel();
  const update = useUpdateChannel();
  const fromConfig = channel?.source === "config";
  const saving = add.isPending || update.isPending;

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setError(null);
    setProblems({});
    try {
      if (!channel) return onDone(await add.mutateAsync({ type: "messenger", ...draft }));
      const changes = {
        ...(draft.name !== channel.name ? { name: draft.name } : {}),
        ...(draft.humanAgent !== channel.humanAgent ? { humanAgent: draft.humanAgent } : {}),
        ...(draft.accessToken ? { accessToken: draft.accessToken } : {}),
        ...(draft.appSecret ? { appSecret: draft.appSecret } : {}),
        ...(draft.verifyToken ? { verifyToken: draft.verifyToken } : {}),
      };
      onDone(await update.mutateAsync({ channelId: channel.id, changes }));
    } catch (failure) {
      if (failure instanceof ApiError && failure.details?.length) {
        setProblems(Object.fromEntries(failure.details.map((problem) => [problem.path ?? "", problem.message])));
      }
      setError(failureText(failure, "The Page could not be saved."));
    }
  }

  const field = (
    key: Exclude<keyof Draft, "humanAgent">,
    label: string,
    options: { secret?: boolean; disabled?: boolean; hint?: string } = {},
  ) => (
    <label className="block">
      <span className="mb-0.5 block text-xs text-slate-500">{label}</span>
      <input
        className={input}
        name={key}
        value={draft[key]}
        disabled={options.disabled}
        type={options.secret ? "password" : "text"}
        autoComplete="off"
        placeholder={options.secret && channel ? "Unchanged — type to replace" : undefined}
        aria-invalid={problems[key] ? true : undefined}
        onChange={(event) => setDraft({ ...draft, [key]: event.target.value })}
      />
      {(problems[key] || options.hint) && (
        <span className={`mt-0.5 block text-xs ${problems[key] ? "text-red-600" : "text-slate-400"}`}>{problems[key] ?? options.hint}</span>
      )}
    </label>
  );

  return (
    <form onSubmit={submit} className="space-y-3 text-sm" data-testid="page-form">
      {field("name", "Inbox name agents see")}
      {field("pageId", "Page id", {
        disabled: !!channel,
        hint: channel ? undefined : "The number in the Page's About → Page transparency.",
      })}
      {fromConfig ? (
        <p className="rounded-md bg-slate-50 px-3 py-2 text-xs text-slate-600">
          This Page comes from the configuration: its id and credentials are the MESSENGER_* settings of the server.
        </p>
      ) : (
        <>
          {field("accessToken", "Page access token", {
            secret: true,
            hint: channel ? undefined : "With pages_messaging; checked with Meta first.",
          })}
          <div className="grid grid-cols-2 gap-3">
            {field("appSecret", "App secret", { secret: true })}
            {field("verifyToken", "Verify token", { secret: true, hint: channel ? undefined : "Any phrase; give Meta the same one." })}
          </div>
        </>
      )}
      <label className="flex items-start gap-2 rounded-md bg-violet-50 px-3 py-2 text-xs text-violet-900">
        <input
          type="checkbox"
          className="mt-0.5"
          name="humanAgent"
          checked={draft.humanAgent}
          onChange={(event) => setDraft({ ...draft, humanAgent: event.target.checked })}
        />
        <span>
          <strong>The Page&apos;s app has Meta&apos;s Human Agent permission.</strong> Agents may then answer up to 7 days after the
          customer wrote, with the HUMAN_AGENT tag — only as a person, about the customer&apos;s request. Without it, replies end 24 hours
          after the customer&apos;s last message.
        </span>
      </label>
      {error && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-1.5 text-red-700">
          {error}
        </p>
      )}
      <div className="flex items-center justify-end gap-2 pt-1">
        {saving && <span className="text-xs text-slate-500">{draft.accessToken ? "Checking with Meta…" : "Saving…"}</span>}
        <Button type="submit" tone="primary" disabled={saving}>
          {channel ? "Save" : "Connect Page"}
        </Button>
      </div>
    </form>
  );
}
