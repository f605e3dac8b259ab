"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useFlows } from "@/components/api/hooks";

/** Sends one of the Flows an admin configured (a booking, a form); the text typed becomes its message. */
export function FlowMenu({ channelId, onPick }: { channelId: string; onPick: (flowId: string) => Promise<void> }) {
  const t = useTranslations("composer");
  const loadingText = useTranslations("common")("loading");
  const [open, setOpen] = useState(false);
  const flows = useFlows();
  const items = flows.data?.items.filter((flow) => flow.channelId === channelId) ?? (flows.isError ? [] : null);
  return (
    <div className="relative">
      <Button onClick={() => setOpen(!open)} title={t("flowTitle")} data-testid="flow-button" aria-expanded={open}>
        {t("flow")}
      </Button>
      {open && (
        <ul className="fixed inset-x-2 bottom-2 z-20 rounded-lg border border-slate-200 bg-white py-1 text-sm shadow-lg md:absolute md:inset-x-auto md:bottom-full md:right-0 md:mb-1 md:w-64">
          {items === null && <li className="px-3 py-1.5 text-slate-500">{loadingText}</li>}
          {items?.length === 0 && <li className="px-3 py-1.5 text-slate-500">{t("noFlows")}</li>}
          {items?.map((flow) => (
            <li key={flow.id}>
              <button
                className="w-full px-3 py-1.5 text-left hover:bg-slate-100 max-md:min-h-11"
                onClick={() => {
                  setOpen(false);
                  void onPick(flow.id);
                }}
              >
                {flow.name}
                <span className="block text-xs text-slate-500">{t("flowButton", { cta: flow.cta })}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
