"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useSaveAssignment } from "@/components/api/mutations";
import { useErrorText } from "@/components/i18n/use-error-text";
import { Button } from "@/components/ui/button";
import type { AssignmentSettings } from "@/lib/conversations/assignment-settings";

export function AssignmentEditor({ initial }: { initial: AssignmentSettings }) {
  const t = useTranslations("settings.assignment");
  const errorText = useErrorText();
  const [settings, setSettings] = useState(initial);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const saving = useSaveAssignment();
  const input = "w-20 rounded border border-slate-200 px-2 py-1 text-sm";

  function save() {
    saving.mutate(
      {
        inboxes: settings.inboxes.map(({ id, autoAssign, maxOpenPerAgent }) => ({ id, autoAssign, maxOpenPerAgent })),
        agents: settings.agents.map(({ id, maxOpenConversations }) => ({ id, maxOpenConversations })),
      },
      {
        onSuccess: (saved) => {
          setSettings(saved);
          setStatus({ ok: true, text: t("saved") });
        },
        onError: (error) => setStatus({ ok: false, text: errorText(error, t("saveFailed")) }),
      },
    );
  }

  return (
    <div className="space-y-6 text-sm">
      <section className="rounded-lg border border-slate-200 bg-white">
        <h2 className="border-b border-slate-100 px-4 py-2 font-semibold">{t("inboxes")}</h2>
        {settings.inboxes.map((inbox, index) => (
          <div key={inbox.id} className="flex items-center gap-4 border-b border-slate-100 px-4 py-2 last:border-0">
            <span className="flex-1">{inbox.name}</span>
            <label className="flex items-center gap-1.5">
              <input
                type="checkbox"
                checked={inbox.autoAssign}
                onChange={(e) =>
                  setSettings({
                    ...settings,
                    inboxes: settings.inboxes.map((c, i) => (i === index ? { ...c, autoAssign: e.target.checked } : c)),
                  })
                }
              />
              {t("roundRobin")}
            </label>
            <label className="flex items-center gap-1.5 text-slate-600">
              {t("capPerAgent")}
              <input
                className={input}
                type="number"
                min={1}
                value={inbox.maxOpenPerAgent}
                onChange={(e) =>
                  setSettings({
                    ...settings,
                    inboxes: settings.inboxes.map((c, i) => (i === index ? { ...c, maxOpenPerAgent: Number(e.target.value) } : c)),
                  })
                }
              />
            </label>
          </div>
        ))}
      </section>
      <section className="rounded-lg border border-slate-200 bg-white">
        <h2 className="border-b border-slate-100 px-4 py-2 font-semibold">{t("agents")}</h2>
        {settings.agents.map((agent, index) => (
          <div key={agent.id} className="flex items-center gap-4 border-b border-slate-100 px-4 py-2 last:border-0">
            <span className="flex-1">{agent.name}</span>
            <label className="flex items-center gap-1.5 text-slate-600">
              {t("ownCap")}
              <input
                className={input}
                type="number"
                min={1}
                placeholder={t("inboxCap")}
                value={agent.maxOpenConversations ?? ""}
                onChange={(e) =>
                  setSettings({
                    ...settings,
                    agents: settings.agents.map((a, i) =>
                      i === index ? { ...a, maxOpenConversations: e.target.value ? Number(e.target.value) : null } : a,
                    ),
                  })
                }
              />
            </label>
          </div>
        ))}
      </section>
      <div className="flex items-center gap-2">
        <Button tone="primary" onClick={save}>
          {t("save")}
        </Button>
        {status && (
          <span role="status" className={status.ok ? "text-emerald-700" : "text-red-700"}>
            {status.text}
          </span>
        )}
      </div>
    </div>
  );
}
