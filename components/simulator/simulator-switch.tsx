"use client";

import { useTranslations } from "next-intl";
import { parseAsStringLiteral, useQueryState } from "nuqs";
import { CustomerPhone } from "./customer-phone";
import { MessengerPhone } from "./messenger-phone";

// /simulator plays a customer on WhatsApp or on Messenger (?channel=messenger), each writing to
// Switchboard through its own signed webhook, as Meta delivers them.

const channels = ["whatsapp", "messenger"] as const;

export function SimulatorSwitch() {
  const t = useTranslations("simulator");
  const [channel, setChannel] = useQueryState("channel", parseAsStringLiteral(channels).withDefault("whatsapp"));
  return (
    <div className="flex h-full flex-col">
      <nav role="tablist" aria-label={t("customersApp")} className="mx-auto flex w-full max-w-4xl gap-1 px-6 pt-4">
        {channels.map((value) => (
          <button
            key={value}
            role="tab"
            aria-selected={channel === value}
            onClick={() => void setChannel(value)}
            data-testid={`sim-switch-${value}`}
            className={`rounded-full px-3 py-1 text-sm font-medium ${
              channel === value
                ? value === "messenger"
                  ? "bg-[#0866ff] text-on-accent"
                  : "bg-[#008069] text-on-accent"
                : "bg-slate-100 text-slate-600 hover:bg-slate-200"
            }`}
          >
            {value === "messenger" ? t("messengerApp") : "WhatsApp"}
          </button>
        ))}
      </nav>
      <div className="min-h-0 flex-1">
        {channel === "messenger" ? (
          <main className="mx-auto h-full max-w-4xl p-6">
            <MessengerPhone />
          </main>
        ) : (
          <CustomerPhone />
        )}
      </div>
    </div>
  );
}
