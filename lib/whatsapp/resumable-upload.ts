import { config } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { phrase } from "@/lib/i18n/phrase";
import { graphRequest } from "./graph-client";

// Meta's Resumable Upload API, which gives the handle a profile photo is set with:
//   POST /{app-id}/uploads?file_name=&file_length=&file_type=  → {"id": "upload:<session>"}
//   POST /upload:<session> with file_offset: 0 and the bytes      → {"h": "<handle>"}
// A photo is small (≤ 5 MB), so it goes up in one piece from offset 0.

export async function uploadForHandle({
  phoneNumberId,
  bytes,
  mimeType,
  fileName,
}: {
  /** The number the photo is for: the upload uses its credentials. */
  phoneNumberId: string;
  bytes: Uint8Array;
  mimeType: string;
  fileName: string;
}): Promise<string> {
  const appId = config().whatsapp.appId;
  if (!appId) throw new AppError("UNPROCESSABLE", phrase("errors.appIdMissing"));
  const query = new URLSearchParams({ file_name: fileName, file_length: String(bytes.byteLength), file_type: mimeType });
  const session = await graphRequest<{ id?: string }>({ as: { phoneNumberId }, method: "POST", path: `${appId}/uploads?${query}` });
  if (!session.id?.startsWith("upload:")) throw new AppError("UPSTREAM", phrase("errors.noUploadSession"));
  const done = await graphRequest<{ h?: string }>({
    as: { phoneNumberId },
    method: "POST",
    path: encodeURI(session.id),
    bytes: { data: bytes, headers: { file_offset: "0" } },
  });
  if (!done.h) throw new AppError("UPSTREAM", phrase("errors.noUploadHandle"));
  return done.h;
}
