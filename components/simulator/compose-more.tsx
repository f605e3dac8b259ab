"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { ContactForm, LocationForm, MediaForm, ReplyForm, type SendCustomerMessage } from "./compose-forms";
import { AdForm, FlowForm, OrderForm } from "./compose-commerce";

// The customer phone's "more" menu: every inbound message type beyond plain text, one tab each.

const tabs = ["media", "location", "contact", "reply", "flow", "order", "ad"] as const;

type Tab = (typeof tabs)[number];

export function ComposeMore({ onSend, busy }: { onSend: SendCustomerMessage; busy: boolean }) {
  const t = useTranslations("simulator.more");
  const [tab, setTab] = useState<Tab>("media");
  const forms: Record<Tab, React.ReactNode> = {
    media: <MediaForm onSend={onSend} busy={busy} />,
    location: <LocationForm onSend={onSend} busy={busy} />,
    contact: <ContactForm onSend={onSend} busy={busy} />,
    reply: <ReplyForm onSend={onSend} busy={busy} />,
    flow: <FlowForm onSend={onSend} busy={busy} />,
    order: <OrderForm onSend={onSend} busy={busy} />,
    ad: <AdForm onSend={onSend} busy={busy} />,
  };
  return (
    <div className="space-y-2 border-t border-slate-200 bg-white px-3 py-2" data-testid="sim-more">
      <nav className="flex flex-wrap gap-1" role="tablist">
        {tabs.map((value) => (
          <button
            key={value}
            type="button"
            role="tab"
            aria-selected={tab === value}
            onClick={() => setTab(value)}
            className={`rounded-full px-2 py-0.5 text-[11px] font-medium ${tab === value ? "bg-[#008069] text-on-accent" : "bg-slate-100 text-slate-600 hover:bg-slate-200"}`}
          >
            {t("tab", { tab: value })}
          </button>
        ))}
      </nav>
      {forms[tab]}
    </div>
  );
}
