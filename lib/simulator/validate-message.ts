import "server-only";
import { placeholders } from "@/lib/whatsapp/render-template";
import { graphError, type GraphReply } from "./graph-reply";
import { simulatorMediaInfo } from "./media-store";
import { findSimulatorTemplate } from "./templates";

// Checks a POST /{phone-number-id}/messages body the way the Cloud API does before accepting it,
// answering with Meta's error codes: 100 for a missing or malformed parameter, 131009 for a value
// outside WhatsApp's limits, 132000/132001/132015/132016 for templates, 131053 for media.

type Body = Record<string, unknown>;
export type Checked = { error: GraphReply } | { error: null; templateCategory: string | null };

const mediaTypes = ["image", "video", "audio", "document", "sticker"];
const invalid = (details: string) => ({
  error: graphError(400, 131009, "(#131009) Parameter value is not valid", "OAuthException", details),
});
const missing = (param: string) => ({ error: graphError(400, 100, `(#100) The parameter ${param} is required.`) });
const tooLong = (param: string, max: number) => ({
  error: graphError(400, 100, `(#100) Param ${param} must be at most ${max} characters long.`),
});
const fine: Checked = { error: null, templateCategory: null };

export async function validateMessage(type: string, request: Body): Promise<Checked> {
  const part = request[type];
  if (!isObject(part)) return missing(`${type}`);
  if (type === "text") return checkText(part);
  if (type === "template") return checkTemplate(part);
  if (type === "interactive") return checkInteractive(part);
  if (type === "reaction") return typeof part.message_id === "string" ? fine : missing("reaction['message_id']");
  if (mediaTypes.includes(type)) return checkMedia(type, part);
  if (type === "location" || type === "contacts") return fine;
  return {
    error: graphError(
      400,
      131051,
      "(#131051) Message type is not currently supported",
      "OAuthException",
      `Unsupported message type: ${type}`,
    ),
  };
}

function checkText(text: Body): Checked {
  if (typeof text.body !== "string" || !text.body) return missing("text['body']");
  if (text.body.length > 4096) return tooLong("text['body']", 4096);
  return fine;
}

async function checkMedia(type: string, media: Body): Promise<Checked> {
  if (typeof media.id !== "string" && typeof media.link !== "string") return missing(`${type}['id'] or ${type}['link']`);
  if (media.caption !== undefined && (type === "audio" || type === "sticker")) {
    return { error: graphError(400, 100, `(#100) Param ${type}['caption'] is not valid for ${type} messages.`) };
  }
  if (typeof media.caption === "string" && media.caption.length > 1024) return tooLong(`${type}['caption']`, 1024);
  if (typeof media.id === "string" && !(await simulatorMediaInfo(media.id))) {
    return {
      error: graphError(
        400,
        131053,
        "(#131053) Media upload error",
        "OAuthException",
        `Media id ${media.id} was not found: upload the file first.`,
      ),
    };
  }
  return fine;
}

function checkTemplate(template: Body): Checked {
  const language = isObject(template.language) ? template.language.code : undefined;
  if (typeof template.name !== "string") return missing("template['name']");
  if (typeof language !== "string") return missing("template['language']['code']");
  const found = findSimulatorTemplate({ name: template.name, language });
  if (!found || found.status === "PENDING" || found.status === "REJECTED") {
    const details = `template name (${template.name}) does not exist in ${language}`;
    return { error: graphError(404, 132001, "(#132001) Template name does not exist in the translation", "OAuthException", details) };
  }
  if (found.status === "PAUSED") return { error: graphError(400, 132015, "(#132015) Template is Paused") };
  if (found.status === "DISABLED") return { error: graphError(400, 132016, "(#132016) Template is disabled") };

  const components = Array.isArray(template.components) ? template.components.filter(isObject) : [];
  const sentBody = components.find((component) => component.type === "body");
  const expected = placeholders(found.components.find((component) => component.type === "BODY")?.text).length;
  const given = Array.isArray(sentBody?.parameters) ? sentBody.parameters.length : 0;
  if (given !== expected) {
    const details = `body: number of localizable_params (${given}) does not match the expected number of params (${expected})`;
    return {
      error: graphError(
        400,
        132000,
        "(#132000) Number of parameters does not match the expected number of params",
        "OAuthException",
        details,
      ),
    };
  }
  const mediaHeader = found.components.find((component) => component.type === "HEADER" && component.format && component.format !== "TEXT");
  if (mediaHeader && !components.some((component) => component.type === "header")) {
    return {
      error: graphError(
        400,
        132012,
        "(#132012) Parameter format does not match format in the created template",
        "OAuthException",
        `header: Format mismatch, expected ${mediaHeader.format}, received UNKNOWN`,
      ),
    };
  }
  return { error: null, templateCategory: found.category };
}

function checkInteractive(interactive: Body): Checked {
  const body = isObject(interactive.body) ? interactive.body.text : undefined;
  const action = isObject(interactive.action) ? interactive.action : null;
  if (!action) return missing("interactive['action']");
  if (typeof body === "string" && body.length > 1024) return tooLong("interactive['body']['text']", 1024);
  switch (interactive.type) {
    case "button": {
      const buttons = Array.isArray(action.buttons) ? action.buttons.filter(isObject) : [];
      if (buttons.length < 1 || buttons.length > 3) return invalid("Buttons count should be between 1 and 3");
      for (const button of buttons) {
        const reply = isObject(button.reply) ? button.reply : {};
        if (typeof reply.title !== "string" || reply.title.length > 20)
          return invalid("Button title length invalid. Should be between 1 and 20 characters");
        if (typeof reply.id !== "string" || reply.id.length > 256)
          return invalid("Button id length invalid. Should be between 1 and 256 characters");
      }
      return typeof body === "string" && body ? fine : missing("interactive['body']['text']");
    }
    case "list": {
      const sections = Array.isArray(action.sections) ? action.sections.filter(isObject) : [];
      const rows = sections.flatMap((section) => (Array.isArray(section.rows) ? section.rows.filter(isObject) : []));
      if (!sections.length || sections.length > 10) return invalid("Sections count should be between 1 and 10");
      if (!rows.length || rows.length > 10) return invalid("Total row count exceed max allowed count: 10");
      for (const row of rows) {
        if (typeof row.title !== "string" || row.title.length > 24)
          return invalid("Row title length invalid. Should be between 1 and 24 characters");
        if (typeof row.description === "string" && row.description.length > 72)
          return invalid("Row description is too long. Max length is 72");
      }
      if (typeof action.button !== "string" || action.button.length > 20)
        return invalid("Button title length invalid. Should be between 1 and 20 characters");
      return typeof body === "string" && body ? fine : missing("interactive['body']['text']");
    }
    case "flow": {
      const parameters = isObject(action.parameters) ? action.parameters : {};
      if (typeof parameters.flow_id !== "string" && typeof parameters.flow_name !== "string") return missing("flow_id or flow_name");
      if (typeof parameters.flow_cta !== "string" || parameters.flow_cta.length > 20)
        return invalid("flow_cta must be between 1 and 20 characters");
      if (
        parameters.flow_action === "navigate" &&
        !(isObject(parameters.flow_action_payload) && typeof parameters.flow_action_payload.screen === "string")
      ) {
        return missing("flow_action_payload['screen']");
      }
      return fine;
    }
    default:
      return invalid(`Interactive type ${String(interactive.type)} is not supported`);
  }
}

function isObject(value: unknown): value is Body {
  return !!value && typeof value === "object" && !Array.isArray(value);
}
