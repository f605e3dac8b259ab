"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { useNow } from "@/components/ui/use-now";
import type { ConversationDto, LabelDto } from "@/lib/conversations/types";
import type { ConversationPatch, Team, Teammate } from "@/components/api/types";

// How long a snooze lasts: hours from now, or (-1) tomorrow at 9:00.
const snoozeOptions = [
  { name: "hours", hours: 1 },
  { name: "hours", hours: 4 },
  { name: "tomorrow", hours: -1 },
  { name: "nextWeek", hours: 24 * 7 },
] as const;
type SnoozeOption = (typeof snoozeOptions)[number];

/** The thread header's actions: take, assign (agent or team), labels, snooze, resolve / reopen. */
export function ConversationActions({
  conversation,
  me,
  teammates,
  teams,
  labels,
  menu,
  onMenu,
  onChange,
}: {
  conversation: ConversationDto;
  me: string;
  teammates: Teammate[];
  teams: Team[];
  labels: LabelDto[];
  menu: "assign" | "snooze" | "labels" | null;
  onMenu: (menu: "assign" | "snooze" | "labels" | null) => void;
  onChange: (changes: ConversationPatch) => void;
}) {
  const resolved = conversation.status === "RESOLVED";
  const labelIds = conversation.labels.map((label) => label.id);
  const t = useTranslations("inbox.actions");
  const snoozeLabel = useSnoozeLabel();
  return (
    <div className="relative flex items-center gap-1.5">
      {conversation.assignee?.id !== me && (
        <Button size="sm" onClick={() => onChange({ assigneeId: me })} data-testid="take-button" title={t("assignToMe")}>
          {t("take")}
        </Button>
      )}
      <Button
        size="sm"
        onClick={() => onMenu(menu === "assign" ? null : "assign")}
        data-testid="assign-button"
        title={t("assignTitle")}
        aria-expanded={menu === "assign"}
        aria-controls={menu === "assign" ? "conversation-menu" : undefined}
      >
        {t("assign")}
      </Button>
      <Button
        size="sm"
        onClick={() => onMenu(menu === "labels" ? null : "labels")}
        aria-expanded={menu === "labels"}
        aria-controls={menu === "labels" ? "conversation-menu" : undefined}
      >
        {t("labels")}
      </Button>
      {!resolved && (
        <Button
          size="sm"
          onClick={() => onMenu(menu === "snooze" ? null : "snooze")}
          aria-expanded={menu === "snooze"}
          aria-controls={menu === "snooze" ? "conversation-menu" : undefined}
          data-testid="snooze-button"
        >
          {t("snooze")}
        </Button>
      )}
      <Button
        size="sm"
        tone={resolved ? "secondary" : "primary"}
        onClick={() => onChange({ status: resolved ? "OPEN" : "RESOLVED" })}
        data-testid="resolve-button"
        title={t("resolveTitle")}
      >
        {resolved ? t("reopen") : t("resolve")}
      </Button>

      {menu && (
        <div
          id="conversation-menu"
          className="fixed inset-x-2 bottom-2 z-20 max-h-[60vh] overflow-y-auto rounded-lg border border-slate-200 bg-white p-1 text-sm shadow-lg md:absolute md:inset-x-auto md:bottom-auto md:right-0 md:top-8 md:w-60"
          data-testid={`${menu}-menu`}
        >
          {menu === "assign" && (
            <>
              <MenuItem onClick={() => onChange({ assigneeId: null })}>{t("unassigned")}</MenuItem>
              {teammates.map((person) => (
                <MenuItem
                  key={person.id}
                  onClick={() => onChange({ assigneeId: person.id })}
                  active={conversation.assignee?.id === person.id}
                >
                  <span className={`mr-1.5 inline-block h-2 w-2 rounded-full ${person.online ? "bg-emerald-500" : "bg-slate-300"}`} />
                  {person.id === me ? t("you", { name: person.name }) : person.name}
                </MenuItem>
              ))}
              {teams.length > 0 && (
                <div className="mt-1 border-t border-slate-100 px-2 pb-0.5 pt-1.5 text-[11px] uppercase tracking-wide text-slate-500">
                  {t("teams")}
                </div>
              )}
              {teams.map((team) => (
                <MenuItem
                  key={team.id}
                  onClick={() => onChange({ teamId: conversation.team?.id === team.id ? null : team.id })}
                  active={conversation.team?.id === team.id}
                >
                  {team.name}
                </MenuItem>
              ))}
            </>
          )}
          {menu === "labels" &&
            (labels.length === 0 ? (
              <p className="px-2 py-1.5 text-xs text-slate-500">{t("noLabels")}</p>
            ) : (
              labels.map((label) => {
                const on = labelIds.includes(label.id);
                return (
                  <MenuItem
                    key={label.id}
                    active={on}
                    onClick={() => onChange({ labelIds: on ? labelIds.filter((id) => id !== label.id) : [...labelIds, label.id] })}
                  >
                    <input type="checkbox" readOnly checked={on} className="mr-2" tabIndex={-1} aria-hidden />
                    {label.name}
                  </MenuItem>
                );
              })
            ))}
          {menu === "snooze" &&
            snoozeOptions.map((option) => (
              <MenuItem
                key={option.hours}
                onClick={() => onChange({ status: "SNOOZED", snoozedUntil: snoozeUntil(option.hours).toISOString() })}
              >
                {snoozeLabel(option)}
              </MenuItem>
            ))}
        </div>
      )}
    </div>
  );
}

function MenuItem({ children, onClick, active = false }: { children: React.ReactNode; onClick: () => void; active?: boolean }) {
  return (
    <button
      onClick={onClick}
      aria-pressed={active}
      className={`flex w-full items-center rounded px-2 py-1.5 text-left hover:bg-slate-100 max-md:min-h-11 ${active ? "font-semibold" : ""}`}
    >
      {children}
    </button>
  );
}

/** "1 hour", "4 hours", "Tomorrow 9:00 AM", "Next week", in the user's language and time format. */
function useSnoozeLabel(): (option: SnoozeOption) => string {
  const t = useTranslations("inbox.actions");
  const format = useFormatter();
  const now = useNow(60_000);
  return (option) => {
    if (option.name === "tomorrow") {
      return t("tomorrowAt", { time: format.dateTime(snoozeUntil(option.hours, now), { hour: "numeric", minute: "2-digit" }) });
    }
    if (option.name === "nextWeek") return t("nextWeek");
    return format.number(option.hours, { style: "unit", unit: "hour", unitDisplay: "long" });
  };
}

function snoozeUntil(hours: number, now = Date.now()): Date {
  if (hours > 0) return new Date(now + hours * 3_600_000);
  const tomorrow = new Date(now);
  tomorrow.setDate(tomorrow.getDate() + 1);
  tomorrow.setHours(9, 0, 0, 0);
  return tomorrow;
}
