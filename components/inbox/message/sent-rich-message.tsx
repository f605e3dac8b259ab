"use client";

import type { ReactNode } from "react";
import { BusinessMessage } from "@/components/whatsapp/business-message";
import type { MessageDto } from "@/lib/conversations/types";
import { interactiveView, templateView } from "@/lib/whatsapp/business-message-view";
import type { TemplatePreview } from "@/lib/whatsapp/render-template";

// A template, button, list or Flow message an agent sent, drawn as the customer sees it (the
// message's content keeps Meta's objects; templates keep their filled-in preview).
export function SentRichMessage({ message, fallback }: { message: MessageDto; fallback: ReactNode }) {
  const content = (message.content ?? {}) as { preview?: TemplatePreview; interactive?: unknown };
  const view =
    message.type === "template" && content.preview
      ? templateView(content.preview)
      : message.type === "interactive" && content.interactive
        ? interactiveView(content.interactive)
        : null;
  return view ? <BusinessMessage view={view} /> : <>{fallback}</>;
}
