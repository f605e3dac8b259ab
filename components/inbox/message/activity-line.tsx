"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useEventFormats } from "@/components/i18n/use-event-formats";
import { activityText } from "@/lib/conversations/activity";
import type { ActivityDto } from "@/lib/conversations/types";
import type { Translate } from "@/lib/i18n/phrase";

// An activity line of the thread ("Alex assigned the conversation to Sam · 14:05"), worded from the
// stored event in the reader's language, its times in their time zone.

export function ActivityLine({ activity, at }: { activity: ActivityDto; at: string }) {
  const t = useTranslations();
  const formats = useEventFormats();
  return <Line text={activityText(activity, t as Translate, formats)} at={at} time="short" />;
}

/** The moment the 24 h customer service window closed, where it falls in the thread. */
export function WindowClosedLine({ at }: { at: string }) {
  const t = useTranslations("activity");
  return <Line text={t("windowClosed")} at={at} time="dayAndTime" />;
}

function Line({ text, at, time }: { text: string; at: string; time: "short" | "dayAndTime" }) {
  const t = useTranslations("activity");
  const format = useFormatter();
  const when =
    time === "short"
      ? format.dateTime(new Date(at), { hour: "2-digit", minute: "2-digit" })
      : format.dateTime(new Date(at), { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
  return (
    <p className="my-2 text-center text-[11px] text-slate-500" data-testid="activity">
      {t("line", { text, when })}
    </p>
  );
}
