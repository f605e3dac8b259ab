"use client";

import { useTranslations } from "next-intl";
import { ApiError } from "@/components/api/client";
import { useErrorText } from "@/components/i18n/use-error-text";

// What a simulated phone says when the customer's message did not go through cleanly: how the app
// answered the webhook, or why the simulator refused it (the first field problem, else its sentence).

export function useSendProblem() {
  const t = useTranslations("simulator");
  const errorText = useErrorText();
  return {
    webhook: (status: number) => (status ? t("webhookStatus", { status: String(status) }) : t("webhookNoAnswer")),
    refused: (failure: unknown) => {
      const detail = failure instanceof ApiError ? failure.details?.[0] : undefined;
      return detail ? `${detail.path ? `${detail.path}: ` : ""}${detail.message}` : errorText(failure, t("sendFailed"));
    },
  };
}
