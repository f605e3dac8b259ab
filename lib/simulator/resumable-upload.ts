import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import { config } from "@/lib/config";
import { graphError, ok, type GraphReply } from "./graph-reply";
import { saveSimulatorMedia, simulatorMediaInfo } from "./media-store";

// Meta's Resumable Upload API: POST /{app-id}/uploads?file_name&file_length&file_type opens a
// session ({"id":"upload:<session>"}); POST /upload:<session> with a file_offset header and raw
// bytes appends them, and once the whole file is there answers {"h": handle}; GET /upload:<session>
// says how far it got ({"id","file_offset"}). A handle names a file in the simulator's media store.

const FILE_TYPES = ["image/jpeg", "image/jpg", "image/png", "application/pdf", "video/mp4"];
const MAX_LENGTH = 100 * 1024 * 1024;

export async function openUploadSession({ appId, query }: { appId: string; query: URLSearchParams }): Promise<GraphReply> {
  if (appId !== config().whatsapp.appId)
    return graphError(400, 100, `Unsupported post request. Object with ID '${appId}' does not exist.`, "GraphMethodException");
  const fileLength = Number(query.get("file_length"));
  const fileType = query.get("file_type") ?? "";
  if (!Number.isInteger(fileLength) || fileLength <= 0 || fileLength > MAX_LENGTH)
    return graphError(400, 100, "(#100) Param file_length must be a positive integer.");
  if (!FILE_TYPES.includes(fileType)) return graphError(400, 100, `(#100) Param file_type must be one of {${FILE_TYPES.join(", ")}}.`);
  const id = randomBytes(18).toString("base64url");
  await db.simulatorUploadSession.create({
    data: { id, fileName: query.get("file_name") ?? "upload", fileLength, fileType, bytes: new Uint8Array() },
  });
  return ok({ id: `upload:${id}` });
}

export async function uploadStatus({ session }: { session: string }): Promise<GraphReply> {
  const row = await db.simulatorUploadSession.findUnique({ where: { id: sessionId(session) } });
  if (!row) return graphError(400, 100, "(#100) Invalid upload session.");
  return ok({ id: session, file_offset: row.bytes.length });
}

export async function uploadBytes({
  session,
  offset,
  bytes,
}: {
  session: string;
  offset: string | null;
  bytes: unknown;
}): Promise<GraphReply> {
  const row = await db.simulatorUploadSession.findUnique({ where: { id: sessionId(session) } });
  if (!row) return graphError(400, 100, "(#100) Invalid upload session.");
  if (!(bytes instanceof Uint8Array) || bytes.length === 0)
    return graphError(400, 100, "(#100) The request body must be the file's bytes.");
  if (offset === null || Number(offset) !== row.bytes.length)
    return graphError(400, 100, `(#100) file_offset must be ${row.bytes.length}, where the upload stopped.`);
  const received = Buffer.concat([row.bytes, bytes]);
  if (received.length > row.fileLength) return graphError(400, 100, "(#100) More bytes than file_length were sent.");
  await db.simulatorUploadSession.update({ where: { id: row.id }, data: { bytes: received } });
  if (received.length < row.fileLength) return ok({ id: session, file_offset: received.length });
  const saved = await saveSimulatorMedia({
    bytes: received,
    mimeType: row.fileType.replace("image/jpg", "image/jpeg"),
    fileName: row.fileName,
  });
  await db.simulatorUploadSession.delete({ where: { id: row.id } });
  return ok({ h: handleFor(saved.id, saved.mimeType) });
}

// Meta's handles look like "4::<base64 type>:<opaque>"; here the opaque part is the media id.
export function handleFor(mediaId: string, mimeType: string): string {
  return `4::${Buffer.from(mimeType).toString("base64")}:${mediaId}`;
}

export async function fileForHandle(handle: string) {
  const mediaId = /^4::[A-Za-z0-9+/=]+:(\d+)$/.exec(handle)?.[1] ?? handle;
  return simulatorMediaInfo(mediaId);
}

const sessionId = (session: string) => session.replace(/^upload:/, "").split("?")[0];
