// What WhatsApp lets a customer send, and what Switchboard agrees to store and serve: the media
// message types, their size limits (Meta's supported media types) and an allow-list of types.
// Anything outside it is refused rather than served from our origin.

export const mediaTypes = ["image", "video", "audio", "document", "sticker"] as const;
export type MediaType = (typeof mediaTypes)[number];

const MB = 1024 * 1024;

export const mediaSizeLimits: Record<MediaType, number> = {
  image: 5 * MB,
  video: 16 * MB,
  audio: 16 * MB,
  document: 100 * MB,
  sticker: 500 * 1024,
};

const documentTypes = new Set([
  "application/pdf",
  "text/plain",
  "application/msword",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.ms-excel",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.ms-powerpoint",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  "application/vnd.oasis.opendocument.text",
  "application/vnd.oasis.opendocument.spreadsheet",
  "application/vnd.oasis.opendocument.presentation",
]);

// SVG is an image that can carry script: never store or serve it.
const refusedTypes = new Set(["image/svg+xml"]);

export function isMediaType(type: string): type is MediaType {
  return (mediaTypes as readonly string[]).includes(type);
}

/** "audio/ogg; codecs=opus" → "audio/ogg". */
export function baseMimeType(mimeType: string): string {
  return mimeType.split(";")[0].trim().toLowerCase();
}

/** Whether a file of `mimeType` may be stored for a message of `type`. */
export function isAllowedMime({ type, mimeType }: { type: MediaType; mimeType: string }): boolean {
  const mime = baseMimeType(mimeType);
  if (refusedTypes.has(mime)) return false;
  switch (type) {
    case "image":
      return mime.startsWith("image/");
    case "sticker":
      return mime === "image/webp";
    case "video":
      return mime.startsWith("video/");
    case "audio":
      return mime.startsWith("audio/");
    case "document":
      return documentTypes.has(mime) || /^(image|video|audio)\//.test(mime);
  }
}

/** "5 MB", "500 KB": for error sentences and the document row. */
export function formatBytes(bytes: number): string {
  if (bytes >= MB) return `${Number((bytes / MB).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}
