import { AppError } from "@/lib/errors";

// Templates as Meta defines them (GET /{waba-id}/message_templates) and as they are sent
// (POST /{phone-number-id}/messages). buildTemplateParameters() checks an agent's parameters against the
// definition and produces the Graph API's `components`; previewTemplate() fills a definition with
// sent parameters, so the inbox (and the simulator's phone) show what the customer sees.

export type TemplateButtonDefinition = {
  type: string; // QUICK_REPLY, URL, PHONE_NUMBER, COPY_CODE, OTP, FLOW, …
  text?: string;
  url?: string;
  phone_number?: string;
  otp_type?: string;
};

export type TemplateComponentDefinition = {
  type: string; // HEADER, BODY, FOOTER, BUTTONS
  format?: string; // header: TEXT, IMAGE, VIDEO, DOCUMENT, LOCATION
  text?: string;
  buttons?: TemplateButtonDefinition[];
};

export type GraphParameter = {
  type: string;
  text?: string;
  parameter_name?: string;
  payload?: string;
  coupon_code?: string;
  image?: { link?: string; id?: string };
  video?: { link?: string; id?: string };
  document?: { link?: string; id?: string; filename?: string };
};

export type GraphTemplateComponent = { type: string; sub_type?: string; index?: string; parameters: GraphParameter[] };

export type TemplatePreview = {
  header:
    | { kind: "text"; text: string }
    | { kind: "image" | "video" | "document" | "location"; link: string | null; mediaId: string | null }
    | null;
  body: string;
  footer: string | null;
  // `code`: what a copy-code or one-time-password button copies.
  buttons: { type: string; text: string; url?: string; payload?: string; code?: string }[];
};

export type TemplateParameters = {
  header?: { type: "text"; text: string } | { type: "image" | "video" | "document"; link?: string; id?: string; filename?: string };
  body?: string[] | Record<string, string>;
  buttons?: { index: number; payload?: string; text?: string }[];
};

/** "en-US" and "en_US" name the same locale; Meta lists templates with the underscore. */
export function normaliseLanguage(language: string): string {
  return language.trim().replace("-", "_");
}

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

/** The distinct placeholders of a text, in order: ["1","2"] or ["first_name"]. */
export function placeholders(text: string | undefined): string[] {
  if (!text) return [];
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1]))];
}

export function fillPlaceholders(text: string, values: Record<string, string | undefined>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => values[name] ?? whole);
}

type Issue = { path: string; message: string };

/** Meta's send-time components for `definition`; an AppError (422) naming each problem otherwise. */
export function buildTemplateParameters({
  name,
  definition,
  parameters = {},
}: {
  name: string;
  definition: TemplateComponentDefinition[];
  parameters?: TemplateParameters;
}): GraphTemplateComponent[] {
  const issues: Issue[] = [];
  const components: GraphTemplateComponent[] = [];
  const find = (type: string) => definition.find((component) => component.type.toUpperCase() === type);

  const header = find("HEADER");
  const format = header?.format?.toUpperCase();
  if (format === "TEXT") {
    const names = placeholders(header?.text);
    if (names.length && parameters.header?.type !== "text") {
      issues.push({
        path: "template.components.header",
        message: `${name} needs a text header parameter for ${names.map((n) => `{{${n}}}`).join(", ")}.`,
      });
    } else if (names.length && parameters.header?.type === "text") {
      const value = parameters.header.text;
      components.push({
        type: "header",
        parameters: [{ type: "text", text: value, ...(/^\d+$/.test(names[0]) ? {} : { parameter_name: names[0] }) }],
      });
    } else if (parameters.header) {
      issues.push({ path: "template.components.header", message: `${name} has a fixed header: leave the header parameter out.` });
    }
  } else if (format === "IMAGE" || format === "VIDEO" || format === "DOCUMENT") {
    const kind = format.toLowerCase() as "image" | "video" | "document";
    const given = parameters.header;
    if (!given || given.type !== kind) {
      issues.push({
        path: "template.components.header",
        message: `${name} has ${article(kind)} ${kind} header: give its link or an uploaded mediaId.`,
      });
    } else {
      const media = given.id ? { id: given.id } : { link: given.link };
      const filename = kind === "document" && given.filename ? { filename: given.filename } : {};
      components.push({ type: "header", parameters: [{ type: kind, [kind]: { ...media, ...filename } }] });
    }
  } else if (parameters.header) {
    issues.push({ path: "template.components.header", message: `${name} has no header to fill.` });
  }

  const bodyNames = placeholders(find("BODY")?.text);
  const body = parameters.body ?? [];
  const named = bodyNames.length > 0 && !/^\d+$/.test(bodyNames[0]);
  if (named) {
    const values = Array.isArray(body) ? {} : body;
    const missing = bodyNames.filter((n) => !values[n]);
    const extra = Object.keys(values).filter((n) => !bodyNames.includes(n));
    if (Array.isArray(body) && body.length) {
      issues.push({
        path: "template.components.body",
        message: `${name} uses named parameters: give an object with ${bodyNames.join(", ")}.`,
      });
    } else if (missing.length || extra.length) {
      const parts = [missing.length ? `missing ${missing.join(", ")}` : "", extra.length ? `unknown ${extra.join(", ")}` : ""].filter(
        Boolean,
      );
      issues.push({ path: "template.components.body", message: `${name} body parameters: ${parts.join("; ")}.` });
    } else {
      components.push({ type: "body", parameters: bodyNames.map((n) => ({ type: "text", parameter_name: n, text: values[n] })) });
    }
  } else {
    const values = Array.isArray(body) ? body : Object.values(body);
    if (values.length !== bodyNames.length) {
      issues.push({
        path: "template.components.body",
        message: `${name} needs ${bodyNames.length} body parameter${bodyNames.length === 1 ? "" : "s"}; ${values.length} given.`,
      });
    } else if (values.length) {
      components.push({ type: "body", parameters: values.map((text) => ({ type: "text", text })) });
    }
  }

  const buttons = find("BUTTONS")?.buttons ?? [];
  const given = new Map((parameters.buttons ?? []).map((button) => [button.index, button]));
  for (const index of given.keys()) {
    if (!buttons[index]) issues.push({ path: `template.components.buttons`, message: `${name} has no button ${index}.` });
  }
  buttons.forEach((button, index) => {
    const value = given.get(index);
    const path = `template.components.buttons.${index}`;
    const type = button.type.toUpperCase();
    if (type === "QUICK_REPLY") {
      if (value?.payload)
        components.push({
          type: "button",
          sub_type: "quick_reply",
          index: String(index),
          parameters: [{ type: "payload", payload: value.payload }],
        });
    } else if (type === "URL" && placeholders(button.url).length) {
      const suffix = value?.text ?? value?.payload;
      if (!suffix) issues.push({ path, message: `${name}'s "${button.text ?? "link"}" button needs the end of its link.` });
      else components.push({ type: "button", sub_type: "url", index: String(index), parameters: [{ type: "text", text: suffix }] });
    } else if (type === "OTP") {
      // The one-time code goes in the body and again in the copy-code button.
      const code = value?.text ?? value?.payload ?? (Array.isArray(body) ? body[0] : undefined);
      if (!code) issues.push({ path, message: `${name} needs the one-time code.` });
      else components.push({ type: "button", sub_type: "url", index: String(index), parameters: [{ type: "text", text: code }] });
    } else if (type === "COPY_CODE") {
      const code = value?.text ?? value?.payload;
      if (!code) issues.push({ path, message: `${name}'s copy-code button needs the code.` });
      else
        components.push({
          type: "button",
          sub_type: "copy_code",
          index: String(index),
          parameters: [{ type: "coupon_code", coupon_code: code }],
        });
    }
  });

  if (issues.length) {
    throw new AppError("UNPROCESSABLE", issues.map((issue) => issue.message).join(" "), issues);
  }
  return components;
}

/** What the customer sees: the definition with the sent parameters filled in. */
export function previewTemplate({
  definition,
  components = [],
}: {
  definition: TemplateComponentDefinition[];
  components?: GraphTemplateComponent[];
}): TemplatePreview {
  const sent = (type: string) => components.find((component) => component.type.toLowerCase() === type);
  const values = (params: GraphParameter[] = []) =>
    Object.fromEntries(params.map((param, index) => [param.parameter_name ?? String(index + 1), param.text ?? param.payload ?? ""]));
  const find = (type: string) => definition.find((component) => component.type.toUpperCase() === type);

  let header: TemplatePreview["header"] = null;
  const headerDefinition = find("HEADER");
  const format = headerDefinition?.format?.toUpperCase();
  if (format === "TEXT" && headerDefinition?.text) {
    header = { kind: "text", text: fillPlaceholders(headerDefinition.text, values(sent("header")?.parameters)) };
  } else if (format && format !== "TEXT") {
    const kind = format.toLowerCase() as "image" | "video" | "document" | "location";
    const param = sent("header")?.parameters[0];
    const media = param && kind !== "location" ? param[kind] : undefined;
    header = { kind, link: media?.link ?? null, mediaId: media?.id ?? null };
  }

  const buttons = (find("BUTTONS")?.buttons ?? []).map((button, index) => {
    const param = components.find((c) => c.type === "button" && c.index === String(index))?.parameters[0];
    const url = button.url ? fillPlaceholders(button.url, { 1: param?.text }) : undefined;
    const payload = param?.payload;
    const type = button.type.toUpperCase();
    const code = type === "COPY_CODE" ? param?.coupon_code : type === "OTP" ? param?.text : undefined;
    return {
      type: button.type,
      text: button.text ?? "",
      ...(url ? { url } : {}),
      ...(payload ? { payload } : {}),
      ...(code ? { code } : {}),
    };
  });

  return {
    header,
    body: fillPlaceholders(find("BODY")?.text ?? "", values(sent("body")?.parameters)),
    footer: find("FOOTER")?.text ?? null,
    buttons,
  };
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? "an" : "a";
}
