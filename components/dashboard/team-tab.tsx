"use client";

import { useTranslations } from "next-intl";
import { useConversationStats } from "@/components/api/hooks";
import { CsvLink } from "./csv-link";
import { useDashboard } from "./dashboard-context";
import { Empty, Loaded, Section } from "./states";
import { Tile } from "./tile";

// How the team answers: conversations opened, resolved and reopened, response and resolution times,
// and each agent's share. An agent's "messages sent" opens those messages.

export function TeamTab() {
  const t = useTranslations("dashboard");
  const { state, format, drill } = useDashboard();
  const query = useConversationStats(state.params);
  return (
    <Loaded query={query} rows={6}>
      {(stats) => (
        <div className="space-y-4">
          <div className="grid grid-cols-2 gap-2 md:grid-cols-4 xl:grid-cols-7">
            <Tile label={t("team.opened")} value={format.count(stats.opened)} testId="team-opened" />
            <Tile label={t("team.resolved")} value={format.count(stats.resolved)} tone="good" testId="team-resolved" />
            <Tile
              label={t("team.reopened")}
              value={format.count(stats.reopened)}
              tone={stats.reopened ? "warn" : "plain"}
              testId="team-reopened"
            />
            <Tile label={t("team.firstResponse", { mark: "p50" })} value={format.duration(stats.firstResponse.p50)} />
            <Tile label={t("team.firstResponse", { mark: "p90" })} value={format.duration(stats.firstResponse.p90)} />
            <Tile label={t("team.resolution", { mark: "p50" })} value={format.duration(stats.resolution.p50)} />
            <Tile label={t("team.resolution", { mark: "p90" })} value={format.duration(stats.resolution.p90)} />
          </div>
          <Section title={t("team.agents")} actions={<CsvLink path="conversations" params={state.params} />}>
            {stats.byAgent.length === 0 ? (
              <Empty>{t("team.empty")}</Empty>
            ) : (
              <div className="overflow-x-auto">
                <table className="w-full text-sm" data-testid="agent-table">
                  <thead className="text-left text-xs text-slate-500">
                    <tr>
                      {[
                        t("team.agent"),
                        t("team.opened"),
                        t("team.resolved"),
                        t("team.messagesSent"),
                        t("team.firstResponse", { mark: "p50 / p90" }),
                        t("team.resolution", { mark: "p50 / p90" }),
                        t("team.openNow"),
                      ].map((heading, index) => (
                        <th key={heading} className={`px-2 py-1.5 font-medium ${index > 0 ? "text-right" : ""}`}>
                          {heading}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {stats.byAgent.map((agent) => (
                      <tr key={agent.agentId} className="border-t border-slate-100 hover:bg-slate-50" data-testid="agent-row">
                        <th scope="row" className="px-2 py-1.5 text-left font-normal">
                          <button
                            type="button"
                            className="hover:text-brand-700 hover:underline"
                            title={t("showOnly", { name: agent.name })}
                            onClick={() => state.addFilter("agent", agent.agentId)}
                          >
                            {agent.name}
                          </button>
                        </th>
                        <td className="px-2 py-1.5 text-right tabular-nums">{format.count(agent.opened)}</td>
                        <td className="px-2 py-1.5 text-right tabular-nums">{format.count(agent.resolved)}</td>
                        <td className="px-2 py-1.5 text-right tabular-nums">
                          <button
                            type="button"
                            className="rounded px-1 hover:bg-brand-50 hover:text-brand-700"
                            onClick={() => drill({ title: t("team.sentBy", { name: agent.name }), narrow: { agent: agent.agentId } })}
                          >
                            {format.count(agent.messagesSent)}
                          </button>
                        </td>
                        <td className="px-2 py-1.5 text-right tabular-nums">
                          {format.duration(agent.firstResponse.p50)} / {format.duration(agent.firstResponse.p90)}
                        </td>
                        <td className="px-2 py-1.5 text-right tabular-nums">
                          {format.duration(agent.resolution.p50)} / {format.duration(agent.resolution.p90)}
                        </td>
                        <td className="px-2 py-1.5 text-right font-semibold tabular-nums">{format.count(agent.currentLoad)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </Section>
        </div>
      )}
    </Loaded>
  );
}
