import "server-only";
import { mediaTypeFor } from "@/lib/conversations/build-outbound";
import { formatBytes, isAllowedMime, mediaSizeLimits } from "@/lib/whatsapp/media-rules";
import { graphError, ok, type GraphReply } from "./graph-reply";
import { saveSimulatorMedia } from "./media-store";

// POST /{phone-number-id}/media (multipart: messaging_product, type, file) → {"id": media id}. The
// file lands in the simulator's media store, where GET /{media-id} and the customer's phone find
// it. Type and size are checked against WhatsApp's limits, failing with 131053 as Meta does.

export async function uploadSimulatorMedia({ body }: { body: unknown }): Promise<GraphReply> {
  if (!(body instanceof FormData)) return graphError(400, 100, "(#100) The request must be multipart/form-data with a file.");
  if (body.get("messaging_product") !== "whatsapp") return graphError(400, 100, "(#100) The parameter messaging_product is required.");
  const file = body.get("file");
  if (!(file instanceof Blob) || file.size === 0) return graphError(400, 100, "(#100) The parameter file is required.");
  const declared = body.get("type");
  const mimeType = typeof declared === "string" && declared ? declared : file.type;
  if (!mimeType) return graphError(400, 100, "(#100) The parameter type is required.");

  const kind = mediaTypeFor(mimeType);
  if (!isAllowedMime({ type: kind, mimeType })) {
    return graphError(400, 131053, "(#131053) Media upload error", "OAuthException", `Unsupported file type ${mimeType}.`);
  }
  if (file.size > mediaSizeLimits[kind]) {
    return graphError(
      400,
      131053,
      "(#131053) Media upload error",
      "OAuthException",
      `The ${kind} is larger than the ${formatBytes(mediaSizeLimits[kind])} WhatsApp allows.`,
    );
  }
  const name = file instanceof File && file.name ? file.name : null;
  const saved = await saveSimulatorMedia({ bytes: new Uint8Array(await file.arrayBuffer()), mimeType, fileName: name });
  return ok({ id: saved.id });
}
