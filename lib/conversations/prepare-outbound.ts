import "server-only";
import { db, type Contact, type Conversation } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { phrase } from "@/lib/i18n/phrase";
import { normaliseLanguage, type TemplateParameters } from "@/lib/whatsapp/render-template";
import { flowOutbound, interactiveOutbound, mediaOutbound, templateOutbound, textOutbound, type Outbound } from "./build-outbound";
import { outboundKind, type SendInput, type TemplateInput } from "./outbound-schema";
import { prepareMessengerOutbound } from "./prepare-messenger-outbound";
import { checkSendPolicy } from "./send-policy";
import { serviceWindow } from "./window";

// Everything a send needs looked up before the message row is written: the approved template,
// the configured flow, the uploaded file; then the rules of send-policy.ts. Refusals are AppErrors
// with the field they concern.

export type PreparedOutbound = Outbound & { mediaId: string | null };

type ConversationWithContact = Conversation & { contact: Contact };

export async function prepareOutbound({
  conversation,
  input,
  messageId,
}: {
  conversation: ConversationWithContact;
  input: SendInput;
  messageId: string;
}): Promise<PreparedOutbound> {
  const kind = outboundKind(input);
  const windowOpen = serviceWindow({ lastInboundAt: conversation.lastInboundAt }).open;
  const { contact } = conversation;
  const { channelId } = contact;
  const channel = await db.channel.findUniqueOrThrow({
    where: { id: channelId },
    select: { kind: true, disabledAt: true, humanAgentEnabled: true },
  });
  if (channel.kind === "MESSENGER") return prepareMessengerOutbound({ conversation, input, channel });
  if (input.quickReplies || input.tag) {
    const path = input.quickReplies ? "quickReplies" : "tag";
    throw new AppError("UNPROCESSABLE", phrase("errors.whatsappNoQuickReplies"), [{ path, message: phrase("errors.fieldNotOnWhatsApp") }]);
  }

  if (kind !== "template") checkSendPolicy({ kind: "free_form", windowOpen, contact, channel });

  if (input.text !== undefined) return { ...textOutbound(input.text), mediaId: null };
  if (input.interactive) return { ...interactiveOutbound(input.interactive), mediaId: null };

  if (input.flow) {
    const flow = await db.flow.findFirst({ where: { channelId, OR: [{ id: input.flow.flowId }, { metaId: input.flow.flowId }] } });
    if (!flow)
      throw new AppError("UNPROCESSABLE", phrase("errors.noSuchFlowHere"), [
        { path: "flow.flowId", message: phrase("errors.fieldUnknownFlow") },
      ]);
    // The token comes back with the customer's answer, so it names the message that asked.
    return { ...flowOutbound({ input: input.flow, flow, flowToken: messageId }), mediaId: null };
  }

  if (input.media) {
    const media = await uploadedMedia({ channelId, mediaId: input.media.mediaId, path: "media.mediaId" });
    return { ...mediaOutbound({ media, caption: input.media.caption || undefined }), mediaId: media.id };
  }

  const wanted = input.template!;
  const language = normaliseLanguage(wanted.language);
  const template = await db.template.findUnique({ where: { channelId_name_language: { channelId, name: wanted.name, language } } });
  if (!template) {
    throw new AppError("UNPROCESSABLE", phrase("errors.noSuchTemplate", { name: wanted.name, language }), [
      { path: "template.name", message: phrase("errors.fieldUnknownTemplate") },
    ]);
  }
  checkSendPolicy({ kind: "template", windowOpen, template, contact, channel });
  const parameters = await templateParameters({ channelId, components: wanted.components });
  return { ...templateOutbound({ template, parameters }), mediaId: null };
}

async function uploadedMedia({ channelId, mediaId, path }: { channelId: string; mediaId: string; path: string }) {
  const media = await db.media.findFirst({ where: { id: mediaId, channelId } });
  if (!media) throw new AppError("UNPROCESSABLE", phrase("errors.noSuchUpload"), [{ path, message: phrase("errors.fieldUnknownMedia") }]);
  if (media.state !== "STORED" || !media.metaMediaId) {
    // The refusal is Meta's sentence, stored once in English when the upload failed.
    const why = media.error ? phrase("errors.uploadRefused", { reason: media.error }) : phrase("errors.uploadUnfinishedWhatsApp");
    throw new AppError("UNPROCESSABLE", why, [{ path, message: phrase("errors.fieldUploadNotReady") }]);
  }
  return { id: media.id, metaMediaId: media.metaMediaId, mimeType: media.mimeType, fileName: media.fileName };
}

async function templateParameters({
  channelId,
  components,
}: {
  channelId: string;
  components: TemplateInput["components"];
}): Promise<TemplateParameters | undefined> {
  if (!components) return undefined;
  const { header, ...rest } = components;
  if (!header || header.type === "text" || !header.mediaId) return { ...rest, header: header as TemplateParameters["header"] };
  const media = await uploadedMedia({ channelId, mediaId: header.mediaId, path: "template.components.header.mediaId" });
  return { ...rest, header: { type: header.type, id: media.metaMediaId, ...(header.filename ? { filename: header.filename } : {}) } };
}
