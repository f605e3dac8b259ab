"use client";

import { useFormatter } from "next-intl";
import { useMemo } from "react";
import { formatsFrom, type EventFormats } from "@/lib/i18n/event-formats";

/** Dates and lists inside a stored event's words, in the user's language and time zone. */
export function useEventFormats(): EventFormats {
  const format = useFormatter();
  return useMemo(() => formatsFrom(format), [format]);
}
