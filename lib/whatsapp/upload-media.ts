import "server-only";
import { GraphError, graphRequest } from "./graph-client";

/**
 * POST /{phone-number-id}/media (multipart: messaging_product, type, file) → Meta's media id, which
 * a message then sends as image.id / document.id / … Meta keeps the file for 30 days.
 */
export async function uploadMedia({
  phoneNumberId,
  bytes,
  mimeType,
  fileName,
}: {
  phoneNumberId: string;
  bytes: Uint8Array;
  mimeType: string;
  fileName: string;
}): Promise<string> {
  const form = new FormData();
  form.set("messaging_product", "whatsapp");
  form.set("type", mimeType);
  form.set("file", new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mimeType }), fileName);
  const response = await graphRequest<{ id?: string }>({ as: { phoneNumberId }, method: "POST", path: `${phoneNumberId}/media`, form });
  if (!response.id) throw new GraphError("The Graph API accepted the file but returned no media id", 200, null, null, false);
  return response.id;
}
