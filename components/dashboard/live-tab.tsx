"use client";

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
  const { state, format, drill } = useDashboard();
  const query = useLiveStats(state.tz);
  return (
    <Loaded query={query} rows={4}>
      {(live) => {
        const today = rangeInstants(dayOf(new Date(), state.tz), dayOf(new Date(), state.tz), state.tz);
        const todayDrill = (title: string, status?: "queued" | "sent" | "delivered" | "read" | "failed") =>
          drill({ title: `${title} today`, status, range: today, unfiltered: true });
        return (
          <div className="space-y-4" data-testid="live-tab">
            <p className="flex items-center gap-2 text-xs text-slate-500" data-testid="live-status" data-connected={connected}>
              <span className={`h-2 w-2 rounded-full ${connected ? "bg-brand-500" : "bg-slate-300"}`} aria-hidden />
              {connected ? "Live: these numbers change as messages and receipts arrive." : "Reconnecting… the numbers may be behind."}
            </p>
            <Section title="Conversations now">
              <div className="grid grid-cols-2 gap-2 md:grid-cols-3 xl:grid-cols-6">
                <Tile label="Open" value={format.count(live.open)} href={inbox.open} testId="live-open" />
                <Tile
                  label="Unassigned"
                  value={format.count(live.unassigned)}
                  href={inbox.unassigned}
                  tone={live.unassigned ? "warn" : "plain"}
                  testId="live-unassigned"
                />
                <Tile
                  label="Waiting for a reply"
                  value={format.count(live.waiting)}
                  href={inbox.waiting}
                  tone={live.waiting ? "warn" : "plain"}
                  testId="live-waiting"
                />
                <Tile
                  label="Longest wait"
                  value={format.duration(live.longestWaitSeconds)}
                  note={live.longestWaitConversationId ? "Open the conversation" : "Nobody is waiting"}
                  href={live.longestWaitConversationId ? `/inbox/${live.longestWaitConversationId}?sort=waiting` : undefined}
                  tone={live.longestWaitSeconds && live.longestWaitSeconds > 3600 ? "bad" : "plain"}
                  testId="live-longest-wait"
                />
                <Tile
                  label="Window closes within 1 h"
                  value={format.count(live.windowClosingWithin1h)}
                  href={inbox.closing1h}
                  tone={live.windowClosingWithin1h ? "bad" : "plain"}
                  testId="live-closing-1h"
                />
                <Tile
                  label="Window closes within 4 h"
                  value={format.count(live.windowClosingWithin4h)}
                  href={inbox.closing4h}
                  tone={live.windowClosingWithin4h ? "warn" : "plain"}
                  testId="live-closing-4h"
                />
              </div>
            </Section>
            <Section title={`Today (${state.tz})`}>
              <div className="grid grid-cols-3 gap-2 md:grid-cols-6">
                <Tile label="Received" value={format.count(live.today.received)} testId="today-received" />
                <Tile
                  label="Queued"
                  value={format.count(live.today.queued)}
                  onOpen={() => todayDrill("Queued", "queued")}
                  testId="today-queued"
                />
                <Tile label="Sent" value={format.count(live.today.sent)} onOpen={() => todayDrill("Sent", "sent")} testId="today-sent" />
                <Tile
                  label="Delivered"
                  value={format.count(live.today.delivered)}
                  onOpen={() => todayDrill("Delivered", "delivered")}
                  testId="today-delivered"
                />
                <Tile label="Read" value={format.count(live.today.read)} onOpen={() => todayDrill("Read", "read")} testId="today-read" />
                <Tile
                  label="Failed"
                  value={format.count(live.today.failed)}
                  tone={live.today.failed ? "bad" : "plain"}
                  onOpen={() => todayDrill("Failed", "failed")}
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
