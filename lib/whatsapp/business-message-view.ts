import type { TemplatePreview } from "./render-template";

// What a template or interactive message from the business looks like on a phone, worked out
// from Meta's own objects (the Graph API's `interactive`, a filled-in template). The inbox shows
// agents what they sent with it; the simulator's phone lets the customer tap it. Pure, client-safe.

export type ViewButton = {
  kind: "reply" | "url" | "copy_code" | "phone" | "flow" | "other";
  title: string;
  // reply: the id the customer's button_reply carries; template quick replies: the payload.
  id?: string;
  url?: string;
  code?: string;
};

export type BusinessMessageView = {
  header:
    | { kind: "text"; text: string }
    | { kind: "image" | "video" | "document" | "location"; link: string | null; mediaId: string | null }
    | null;
  body: string;
  footer: string | null;
  buttons: ViewButton[];
  list: { button: string; sections: { title: string | null; rows: { id: string; title: string; description: string | null }[] }[] } | null;
  flow: { cta: string; token: string | null; flowId: string | null; screen: string | null; data: Record<string, unknown> | null } | null;
  // Template quick replies come back as type "button" messages, not interactive button_reply.
  template: boolean;
};

type Loose = Record<string, unknown>;
const obj = (value: unknown): Loose => (value && typeof value === "object" && !Array.isArray(value) ? (value as Loose) : {});
const str = (value: unknown): string | null => (typeof value === "string" && value ? value : null);
const list = (value: unknown): Loose[] => (Array.isArray(value) ? value.map(obj) : []);

export function interactiveView(interactive: unknown): BusinessMessageView | null {
  const message = obj(interactive);
  const type = str(message.type);
  if (!type) return null;
  const header = obj(message.header);
  const headerKind = str(header.type);
  const action = obj(message.action);
  const view: BusinessMessageView = {
    header:
      headerKind === "text"
        ? { kind: "text", text: str(header.text) ?? "" }
        : headerKind === "image" || headerKind === "video" || headerKind === "document"
          ? { kind: headerKind, link: str(obj(header[headerKind]).link), mediaId: str(obj(header[headerKind]).id) }
          : null,
    body: str(obj(message.body).text) ?? "",
    footer: str(obj(message.footer).text),
    buttons: [],
    list: null,
    flow: null,
    template: false,
  };
  if (type === "button") {
    view.buttons = list(action.buttons).map((button) => ({
      kind: "reply",
      id: str(obj(button.reply).id) ?? "",
      title: str(obj(button.reply).title) ?? "",
    }));
  } else if (type === "list") {
    view.list = {
      button: str(action.button) ?? "Options",
      sections: list(action.sections).map((section) => ({
        title: str(section.title),
        rows: list(section.rows).map((row) => ({ id: str(row.id) ?? "", title: str(row.title) ?? "", description: str(row.description) })),
      })),
    };
  } else if (type === "flow") {
    const parameters = obj(action.parameters);
    const payload = obj(parameters.flow_action_payload);
    view.flow = {
      cta: str(parameters.flow_cta) ?? "Open",
      token: str(parameters.flow_token),
      flowId: str(parameters.flow_id) ?? str(parameters.flow_name),
      screen: str(payload.screen),
      data: Object.keys(obj(payload.data)).length ? obj(payload.data) : null,
    };
  } else if (type === "cta_url") {
    const parameters = obj(action.parameters);
    view.buttons = [{ kind: "url", title: str(parameters.display_text) ?? "Open", url: str(parameters.url) ?? undefined }];
  }
  return view;
}

export function templateView(preview: TemplatePreview): BusinessMessageView {
  return {
    header: preview.header,
    body: preview.body,
    footer: preview.footer,
    buttons: preview.buttons.map((button) => {
      const type = button.type.toUpperCase();
      if (type === "QUICK_REPLY") return { kind: "reply", title: button.text, id: button.payload ?? button.text };
      if (type === "URL") return { kind: "url", title: button.text, url: button.url };
      if (type === "OTP" || type === "COPY_CODE") return { kind: "copy_code", title: button.text, code: button.code };
      if (type === "PHONE_NUMBER") return { kind: "phone", title: button.text };
      if (type === "FLOW") return { kind: "flow", title: button.text };
      return { kind: "other", title: button.text };
    }),
    list: null,
    flow: null,
    template: true,
  };
}
