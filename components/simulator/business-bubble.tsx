"use client";

import { useTranslations } from "next-intl";
import { BusinessMessage, type Tap } from "@/components/whatsapp/business-message";
import type { PhoneMedia } from "@/lib/simulator/outbound-view";
import type { BusinessMessageView } from "@/lib/whatsapp/business-message-view";

// The body of a message from the business on the customer's phone: a template, buttons, a list, a
// Flow or a file, drawn as WhatsApp does, with its buttons answerable; plain text otherwise.

export function BusinessBubble({
  waId,
  text,
  view,
  media,
  onTap,
}: {
  waId: string;
  text: string;
  view?: BusinessMessageView | null;
  media?: PhoneMedia | null;
  onTap: (tap: Tap) => void;
}) {
  const t = useTranslations("simulator");
  const src = (mediaId: string) => `/api/simulator/customers/${waId}/media/${mediaId}`;
  if (view) return <BusinessMessage view={view} mediaSrc={src} onTap={onTap} />;
  if (!media) return <>{text}</>;
  const url = media.link ?? (media.mediaId ? src(media.mediaId) : null);
  return (
    <span className="block space-y-1" data-testid="sim-media" data-kind={media.kind}>
      {url && (media.kind === "image" || media.kind === "sticker") && (
        // eslint-disable-next-line @next/next/no-img-element -- the business's media, served by the simulator or linked by a template: nothing next/image can optimise
        <img src={url} alt={media.caption ?? ""} className="max-h-56 rounded-md" />
      )}
      {url && media.kind === "video" && <video src={url} controls className="max-h-56 rounded-md" />}
      {url && media.kind === "audio" && <audio src={url} controls />}
      {media.kind === "document" && (
        <a
          href={url ?? undefined}
          target="_blank"
          rel="noopener noreferrer"
          className="flex items-center gap-2 rounded-md bg-slate-100 px-2 py-2 text-sm"
        >
          📄 {media.fileName ?? t("document")}
        </a>
      )}
      {media.caption && <span className="block">{media.caption}</span>}
    </span>
  );
}

/** What the customer's tap sends back (lib/simulator/customer-message.ts kinds), quoting the message tapped. */
export function tapReply(tap: Tap, { messageId, view }: { messageId: string; view: BusinessMessageView }): Record<string, unknown> | null {
  if (tap.kind === "row")
    return {
      kind: "list_reply",
      id: tap.row.id,
      title: tap.row.title,
      ...(tap.row.description ? { description: tap.row.description } : {}),
      replyTo: messageId,
    };
  if (tap.kind === "flow") {
    const flow = view.flow;
    // Submitting the Flow as opened: its first screen and the data the business passed in.
    return {
      kind: "flow",
      response: { ...(flow?.screen ? { screen: flow.screen } : {}), ...stringValues(flow?.data) },
      ...(flow?.token ? { flowToken: flow.token } : {}),
      replyTo: messageId,
    };
  }
  if (tap.button.kind !== "reply") return null;
  if (view.template) return { kind: "quick_reply", text: tap.button.title, payload: tap.button.id ?? tap.button.title, replyTo: messageId };
  return { kind: "button_reply", id: tap.button.id ?? "", title: tap.button.title, replyTo: messageId };
}

function stringValues(data: Record<string, unknown> | null | undefined): Record<string, string | number | boolean> {
  const values: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(data ?? {})) {
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") values[key] = value;
  }
  return values;
}
