"use client";

import { useTranslations } from "next-intl";
import { useLiveStats } from "@/components/api/hooks";
import { useDashboard } from "./dashboard-context";
import { Loaded, Section } from "./states";
import { Tile } from "./tile";
import { dayOf, rangeInstants } from "./zoned-range";

// Now: the conversations that need someone, each tile a link to the inbox filtered to them, and
// today's messages. Kept up to date by the socket (see useStatsEvents), not by reloading.

// The inbox's own filters (lib/conversations/conversation-filter.ts). It has no "closes within 4 h"
// filter: that tile opens every conversation whose window is still open.
const inbox = {
  open: "/inbox",
  unassigned: "/inbox?assignee=unassigned",
  waiting: "/inbox?sort=waiting",
  closing1h: "/inbox?window=closing",
  closing4h: "/inbox?window=closing4h",
};

export function LiveTab({ connected }: { connected: boolean }) {
  const t = useTranslations("dashboard");
  const { state, format, drill } = useDashboard();
  const query = useLiveStats(state.tz);
  return (
    <Loaded query={query} rows={4}>
      {(live) => {
        const today = rangeInstants(dayOf(new Date(), state.tz), dayOf(new Date(), state.tz), state.tz);
        const todayDrill = (status: "queued" | "sent" | "delivered" | "read" | "failed") =>
          drill({ title: t("live.statusToday", { status }), status, range: today, unfiltered: true });
        return (
          <div className="space-y-4" data-testid="live-tab">
            <p className="flex items-center gap-2 text-xs text-slate-500" data-testid="live-status" data-connected={connected}>
              <span className={`h-2 w-2 rounded-full ${connected ? "bg-brand-500" : "bg-slate-300"}`} aria-hidden />
              {connected ? t("live.connected") : t("live.reconnecting")}
            </p>
            <Section title={t("live.now")}>
              <div className="grid grid-cols-2 gap-2 md:grid-cols-3 xl:grid-cols-6">
                <Tile label={t("live.open")} value={format.count(live.open)} href={inbox.open} testId="live-open" />
                <Tile
                  label={t("live.unassigned")}
                  value={format.count(live.unassigned)}
                  href={inbox.unassigned}
                  tone={live.unassigned ? "warn" : "plain"}
                  testId="live-unassigned"
                />
                <Tile
                  label={t("live.waiting")}
                  value={format.count(live.waiting)}
                  href={inbox.waiting}
                  tone={live.waiting ? "warn" : "plain"}
                  testId="live-waiting"
                />
                <Tile
                  label={t("live.longestWait")}
                  value={format.duration(live.longestWaitSeconds)}
                  note={live.longestWaitConversationId ? t("live.openConversation") : t("live.nobodyWaiting")}
                  href={live.longestWaitConversationId ? `/inbox/${live.longestWaitConversationId}?sort=waiting` : undefined}
                  tone={live.longestWaitSeconds && live.longestWaitSeconds > 3600 ? "bad" : "plain"}
                  testId="live-longest-wait"
                />
                <Tile
                  label={t("live.closingWithin", { hours: 1 })}
                  value={format.count(live.windowClosingWithin1h)}
                  href={inbox.closing1h}
                  tone={live.windowClosingWithin1h ? "bad" : "plain"}
                  testId="live-closing-1h"
                />
                <Tile
                  label={t("live.closingWithin", { hours: 4 })}
                  value={format.count(live.windowClosingWithin4h)}
                  href={inbox.closing4h}
                  tone={live.windowClosingWithin4h ? "warn" : "plain"}
                  testId="live-closing-4h"
                />
              </div>
            </Section>
            <Section title={t("live.today", { zone: state.tz })}>
              <div className="grid grid-cols-3 gap-2 md:grid-cols-6">
                <Tile label={t("live.received")} value={format.count(live.today.received)} testId="today-received" />
                <Tile
                  label={t("column", { column: "queued" })}
                  value={format.count(live.today.queued)}
                  onOpen={() => todayDrill("queued")}
                  testId="today-queued"
                />
                <Tile
                  label={t("column", { column: "sent" })}
                  value={format.count(live.today.sent)}
                  onOpen={() => todayDrill("sent")}
                  testId="today-sent"
                />
                <Tile
                  label={t("column", { column: "delivered" })}
                  value={format.count(live.today.delivered)}
                  onOpen={() => todayDrill("delivered")}
                  testId="today-delivered"
                />
                <Tile
                  label={t("column", { column: "read" })}
                  value={format.count(live.today.read)}
                  onOpen={() => todayDrill("read")}
                  testId="today-read"
                />
                <Tile
                  label={t("column", { column: "failed" })}
                  value={format.count(live.today.failed)}
                  tone={live.today.failed ? "bad" : "plain"}
                  onOpen={() => todayDrill("failed")}
                  testId="today-failed"
                />
              </div>
            </Section>
          </div>
        );
      }}
    </Loaded>
  );
}
