"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useAddFlow, useRemoveFlow } from "@/components/api/mutations";
import { useErrorText } from "@/components/i18n/use-error-text";
import { Button } from "@/components/ui/button";
import type { FlowDto } from "@/lib/whatsapp/flows";

export function FlowsEditor({ initial, channels }: { initial: FlowDto[]; channels: { id: string; name: string }[] }) {
  const t = useTranslations("settings.flows");
  const errorText = useErrorText();
  const [flows, setFlows] = useState(initial);
  const [draft, setDraft] = useState({ channelId: channels[0]?.id ?? "", metaId: "", name: "", cta: "", screen: "" });
  const [error, setError] = useState<string | null>(null);
  const adding = useAddFlow();
  const removing = useRemoveFlow();
  const input = "w-full rounded border border-slate-200 px-2 py-1.5 text-sm";

  async function add(event: React.FormEvent) {
    event.preventDefault();
    try {
      const flow = await adding.mutateAsync({ ...draft, screen: draft.screen.trim() || null });
      setFlows((current) => [...current, flow]);
      setDraft((current) => ({ ...current, metaId: "", name: "", cta: "", screen: "" }));
      setError(null);
    } catch (failure) {
      setError(errorText(failure, t("addFailed")));
    }
  }

  // Each removal that succeeds takes its own row away, even when several run at once; a refused
  // one leaves the flow listed, as it still is.
  async function remove(id: string) {
    const removed = await removing.mutateAsync(id).then(
      () => true,
      () => false,
    );
    if (removed) setFlows((current) => current.filter((flow) => flow.id !== id));
  }

  return (
    <div className="space-y-4 text-sm">
      <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
        {flows.length === 0 && <li className="px-4 py-6 text-center text-slate-500">{t("empty")}</li>}
        {flows.map((flow) => (
          <li key={flow.id} className="flex items-center gap-3 px-4 py-2">
            <span className="flex-1">
              <span className="font-medium">{flow.name}</span>
              <span className="block text-xs text-slate-500">
                {t("summary", { id: flow.metaId, cta: flow.cta, hasScreen: flow.screen ? "yes" : "no", screen: flow.screen ?? "" })}
              </span>
            </span>
            <Button size="sm" tone="ghost" onClick={() => void remove(flow.id)}>
              {t("remove")}
            </Button>
          </li>
        ))}
      </ul>
      <form onSubmit={add} className="grid grid-cols-2 gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <label className="col-span-2">
          <span className="mb-0.5 block text-xs text-slate-500">{t("inbox")}</span>
          <select className={input} value={draft.channelId} onChange={(e) => setDraft({ ...draft, channelId: e.target.value })}>
            {channels.map((channel) => (
              <option key={channel.id} value={channel.id}>
                {channel.name}
              </option>
            ))}
          </select>
        </label>
        <Field label={t("name")} value={draft.name} onChange={(name) => setDraft({ ...draft, name })} className={input} />
        <Field label={t("flowId")} value={draft.metaId} onChange={(metaId) => setDraft({ ...draft, metaId })} className={input} />
        <Field label={t("buttonLabel")} value={draft.cta} onChange={(cta) => setDraft({ ...draft, cta })} className={input} />
        <Field label={t("firstScreen")} value={draft.screen} onChange={(screen) => setDraft({ ...draft, screen })} className={input} />
        {error && (
          <p role="alert" className="col-span-2 rounded-md bg-red-50 px-3 py-1.5 text-red-700">
            {error}
          </p>
        )}
        <div className="col-span-2">
          <Button type="submit" tone="primary">
            {t("add")}
          </Button>
        </div>
      </form>
    </div>
  );
}

function Field({
  label,
  value,
  onChange,
  className,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  className: string;
}) {
  return (
    <label>
      <span className="mb-0.5 block text-xs text-slate-500">{label}</span>
      <input className={className} value={value} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}
