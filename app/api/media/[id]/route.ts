// GET /api/media/:id — a customer's photo, video, voice note, sticker or document, for members of its inbox.
import { idParams, route } from "@/lib/http/route";
import { openMedia } from "@/lib/media/open-media";

export const GET = route({ permission: "conversation.view", params: idParams }, async ({ user, params: { id } }) => {
  const media = await openMedia({ mediaId: id, userId: user.id });
  const inline = media.kind !== "document";
  const fileName = media.fileName ?? `${media.kind}-${id}`;
  return new Response(media.body, {
    headers: {
      "content-type": media.mimeType,
      "content-length": String(media.size),
      "content-disposition": `${inline ? "inline" : "attachment"}; filename="${asciiName(fileName)}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "cache-control": "private, max-age=3600",
      // Customer files are served from our origin: never let the browser run or sniff them.
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; img-src 'self'; media-src 'self'; sandbox",
    },
  });
});

function asciiName(name: string): string {
  return name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
}
