import type { EventFormats } from "@/lib/i18n/event-formats";
import type { Translate } from "@/lib/i18n/phrase";
import type { ActivityDto } from "./types";

// Activity lines as events: what happened (kind) and the names and values it happened with, stored
// on the message (Message.activity) and worded in the reader's language when shown (the "activity"
// messages). Pure: the writers (record-activity.ts, the Messenger adapter) and the thread share it.

/** Every activity line Switchboard writes, with its values. Names as they were; dates as ISO. */
export type Activity =
  | { kind: "resolved" | "reopened" | "pending" | "unassigned" | "took" | "teamRemoved"; params: { actor: string } }
  | { kind: "snoozed"; params: { actor: string; until: string } }
  | { kind: "assigned"; params: { actor: string; assignee: string } }
  | { kind: "teamAssigned"; params: { actor: string; team: string } }
  | { kind: "snoozeEnded"; params: Record<string, never> }
  | { kind: "autoAssigned"; params: { assignee: string } }
  // Messenger's handover protocol: another app of the Page (by its id) and the event's metadata.
  | { kind: "handoverPassed" | "handoverTaken" | "handoverRequested"; params: { app: string | null; metadata: string | null } }
  // What the customer wrote or tapped while another app had the conversation (the standby channel).
  | { kind: "standbyMessage"; params: { text: string | null; attachment: string | null } }
  | { kind: "standbyPostback"; params: { title: string | null } }
  /** A line from before activity lines were events, kept as it was written. */
  | { kind: "text"; params: { text: string } };

const byActor = new Set(["resolved", "reopened", "pending", "unassigned", "took", "teamRemoved"]);

/** The line in the language `t` speaks; dates in the reader's zone through `formats`. */
export function activityText(activity: ActivityDto, t: Translate, formats: EventFormats): string {
  const p = activity.params;
  const value = (key: string) => p[key] ?? "";
  const app = p.app ?? "none";
  const line = (() => {
    if (byActor.has(activity.kind)) return t(`activity.${activity.kind as "resolved"}`, { actor: value("actor") });
    switch (activity.kind) {
      case "snoozed": {
        const until = new Date(value("until"));
        return t("activity.snoozed", {
          actor: value("actor"),
          until: Number.isNaN(until.getTime()) ? value("until") : formats.full(until),
        });
      }
      case "assigned":
        return t("activity.assigned", { actor: value("actor"), assignee: value("assignee") });
      case "teamAssigned":
        return t("activity.teamAssigned", { actor: value("actor"), team: value("team") });
      case "snoozeEnded":
        return t("activity.snoozeEnded");
      case "autoAssigned":
        return t("activity.autoAssigned", { assignee: value("assignee") });
      case "handoverPassed":
        return t("activity.handoverPassed", { app });
      case "handoverTaken":
        return t("activity.handoverTaken", { app });
      case "handoverRequested":
        return t("activity.handoverRequested", { app });
      case "standbyMessage":
        return t("activity.standbyMessage", {
          said: p.text ?? (p.attachment ? `[${p.attachment}]` : t("activity.aMessage")),
        });
      case "standbyPostback":
        return t("activity.standbyPostback", { title: p.title ?? t("activity.aButton") });
      default:
        return value("text");
    }
  })();
  return p.metadata ? t("activity.withMetadata", { line, metadata: p.metadata }) : line;
}
