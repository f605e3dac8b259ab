"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { ApiError } from "@/components/api/client";
import { useAddChannel, useUpdateChannel } from "@/components/api/mutations";
import type { ChannelDto } from "@/components/api/types";
import { Button } from "@/components/ui/button";
import { useErrorText } from "@/components/i18n/use-error-text";

// Connecting a Facebook Page asks for what Meta's app dashboard shows for it: the Page id, a page
// access token, the app secret and a verify token. The Human Agent mark says the Page's app has
// Meta's Human Agent permission: agents may then answer for 7 days with the HUMAN_AGENT tag.

type Draft = { name: string; pageId: string; accessToken: string; appSecret: string; verifyToken: string; humanAgent: boolean };

const input = "w-full rounded border border-slate-200 px-2 py-1.5 text-sm disabled:bg-slate-50 disabled:text-slate-500";

export function PageForm({ channel, onDone }: { channel: ChannelDto | null; onDone: (saved: ChannelDto) => void }) {
  const t = useTranslations("channels");
  const errorText = useErrorText();
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
      setError(errorText(failure, t("saveFailed")));
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
        placeholder={options.secret && channel ? t("unchanged") : undefined}
        aria-invalid={problems[key] ? true : undefined}
        onChange={(event) => setDraft({ ...draft, [key]: event.target.value })}
      />
      {(problems[key] || options.hint) && (
        <span className={`mt-0.5 block text-xs ${problems[key] ? "text-red-700" : "text-slate-500"}`}>{problems[key] ?? options.hint}</span>
      )}
    </label>
  );

  return (
    <form onSubmit={submit} className="space-y-3 text-sm" data-testid="page-form">
      {field("name", t("inboxName"))}
      {field("pageId", t("pageForm.pageId"), {
        disabled: !!channel,
        hint: channel ? undefined : t("pageForm.pageIdHint"),
      })}
      {fromConfig ? (
        <p className="rounded-md bg-slate-50 px-3 py-2 text-xs text-slate-600">{t("pageForm.fromConfigNote")}</p>
      ) : (
        <>
          {field("accessToken", t("pageForm.accessToken"), {
            secret: true,
            hint: channel ? undefined : t("pageForm.accessTokenHint"),
          })}
          <div className="grid grid-cols-2 gap-3">
            {field("appSecret", t("appSecret"), { secret: true })}
            {field("verifyToken", t("verifyToken"), { secret: true, hint: channel ? undefined : t("verifyTokenHint") })}
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
        <span>{t.rich("pageForm.humanAgent", { strong: (chunks) => <strong>{chunks}</strong> })}</span>
      </label>
      {error && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-1.5 text-red-700">
          {error}
        </p>
      )}
      <div className="flex items-center justify-end gap-2 pt-1">
        {saving && <span className="text-xs text-slate-500">{draft.accessToken ? t("checkingWithMeta") : t("saving")}</span>}
        <Button type="submit" tone="primary" disabled={saving}>
          {channel ? t("save") : t("pageForm.connect")}
        </Button>
      </div>
    </form>
  );
}
