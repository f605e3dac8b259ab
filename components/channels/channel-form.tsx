"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { ApiError } from "@/components/api/client";
import { useAddChannel, useUpdateChannel } from "@/components/api/mutations";
import type { ChannelDto } from "@/components/api/types";
import { useErrorText } from "@/components/i18n/use-error-text";
import { Button } from "@/components/ui/button";

// Adding a number asks for everything Meta's app dashboard shows; editing one leaves a secret
// field empty to keep the stored value, which is never sent back to the browser.

type Draft = { name: string; phoneNumberId: string; wabaId: string; accessToken: string; appSecret: string; verifyToken: string };

const input = "w-full rounded border border-slate-200 px-2 py-1.5 text-sm disabled:bg-slate-50 disabled:text-slate-500";

export function ChannelForm({ channel, onDone }: { channel: ChannelDto | null; onDone: (saved: ChannelDto) => void }) {
  const t = useTranslations("channels");
  const errorText = useErrorText();
  const [draft, setDraft] = useState<Draft>({
    name: channel?.name ?? "",
    phoneNumberId: channel?.phoneNumberId ?? "",
    wabaId: channel?.wabaId ?? "",
    accessToken: "",
    appSecret: "",
    verifyToken: "",
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
      if (!channel) return onDone(await add.mutateAsync(draft));
      const changes = {
        ...(draft.name !== channel.name ? { name: draft.name } : {}),
        ...(!fromConfig && draft.wabaId !== channel.wabaId ? { wabaId: draft.wabaId } : {}),
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

  const field = (key: keyof Draft, label: string, options: { secret?: boolean; disabled?: boolean; hint?: string } = {}) => (
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
    <form onSubmit={submit} className="space-y-3 text-sm" data-testid="channel-form">
      {field("name", t("inboxName"))}
      <div className="grid grid-cols-2 gap-3">
        {field("phoneNumberId", t("phoneNumberId"), { disabled: !!channel })}
        {field("wabaId", t("wabaId"), { disabled: fromConfig })}
      </div>
      {fromConfig ? (
        <p className="rounded-md bg-slate-50 px-3 py-2 text-xs text-slate-600">{t("fromConfigNote")}</p>
      ) : (
        <>
          {field("accessToken", t("accessToken"), { secret: true, hint: channel ? undefined : t("accessTokenHint") })}
          <div className="grid grid-cols-2 gap-3">
            {field("appSecret", t("appSecret"), { secret: true })}
            {field("verifyToken", t("verifyToken"), { secret: true, hint: channel ? undefined : t("verifyTokenHint") })}
          </div>
        </>
      )}
      {error && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-1.5 text-red-700">
          {error}
        </p>
      )}
      <div className="flex items-center justify-end gap-2 pt-1">
        {saving && <span className="text-xs text-slate-500">{draft.accessToken ? t("checkingWithMeta") : t("saving")}</span>}
        <Button type="submit" tone="primary" disabled={saving}>
          {channel ? t("save") : t("connectNumber")}
        </Button>
      </div>
    </form>
  );
}
