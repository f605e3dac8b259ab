import "server-only";
import { interactiveView, templateView, type BusinessMessageView } from "@/lib/whatsapp/business-message-view";
import { previewTemplate, type GraphTemplateComponent } from "@/lib/whatsapp/render-template";
import { findSimulatorTemplate } from "./templates";

// How the customer's phone shows what the business sent, from the Graph API payload the simulator
// received: templates filled in from the account's definitions, buttons, lists, Flows and files.

export type PhoneMedia = { kind: string; mediaId: string | null; link: string | null; caption: string | null; fileName: string | null };
export type PhoneView = { view: BusinessMessageView | null; media: PhoneMedia | null };

const mediaKinds = new Set(["image", "video", "audio", "document", "sticker"]);

export function outboundView(type: string, payload: Record<string, unknown>): PhoneView {
  const part = (payload[type] ?? {}) as Record<string, unknown>;
  if (type === "template") {
    const language = (part.language as { code?: string } | undefined)?.code ?? "";
    const definition = findSimulatorTemplate({ name: String(part.name ?? ""), language });
    if (!definition) return { view: null, media: null };
    const components = (Array.isArray(part.components) ? part.components : []) as GraphTemplateComponent[];
    return { view: templateView(previewTemplate({ definition: definition.components, components })), media: null };
  }
  if (type === "interactive") return { view: interactiveView(part), media: null };
  if (mediaKinds.has(type)) {
    const text = (value: unknown) => (typeof value === "string" && value ? value : null);
    return {
      view: null,
      media: { kind: type, mediaId: text(part.id), link: text(part.link), caption: text(part.caption), fileName: text(part.filename) },
    };
  }
  return { view: null, media: null };
}
