import { config } from "@/lib/config";
import type { GraphReply } from "./graph-api";
import { simulatorMediaInfo } from "./media-store";

/** GET /{media-id}: where to download a file, answered in Meta's shape. */
export async function getSimulatorMedia({ mediaId }: { mediaId: string }): Promise<GraphReply> {
  const info = await simulatorMediaInfo(mediaId);
  if (!info) {
    return {
      status: 404,
      body: {
        error: {
          message: `Unsupported get request. Object with ID '${mediaId}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
          type: "GraphMethodException",
          code: 100,
          error_subcode: 33,
          fbtrace_id: "Asimulator",
        },
      },
    };
  }
  return {
    status: 200,
    body: {
      messaging_product: "whatsapp",
      url: `${config().internalUrl}/api/simulator/media/${info.id}/download`,
      mime_type: info.mimeType,
      sha256: info.sha256,
      file_size: info.size,
      id: info.id,
    },
  };
}
