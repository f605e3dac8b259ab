import "server-only";
import { config } from "@/lib/config";
import { ok, type GraphReply } from "../graph-reply";
import { saveSimulatorMedia } from "../media-store";
import { customerName, lastCustomerAction } from "./customer-state";
import { messengerError, pageOfToken, simulatedPage } from "./pages";
import { sendApi } from "./send-api";

// The Messenger Platform's Graph endpoints the simulator answers: the Send API and sender actions
// (POST /{page-id}/messages), the Attachment Upload API (POST /{page-id}/message_attachments), a
// Page's name (GET /{page-id}) and the User Profile API (GET /{psid}). Null for anything else, which
// the WhatsApp routes then answer. Every call needs the Page's own page access token.

const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;

export async function handleMessengerGraph({
  method,
  path,
  query,
  body,
  token,
}: {
  method: string;
  path: string[];
  query: URLSearchParams;
  body: unknown;
  token: string;
}): Promise<GraphReply | null> {
  const [id, edge] = path.map((segment) => decodeURIComponent(segment));
  const page = simulatedPage(id);
  const fields = query.get("fields") ?? "";
  if (!page) {
    // GET /{psid}: a customer, as the Page whose token asks sees them.
    if (method !== "GET" || edge || !/first_name|profile_pic|last_name/.test(fields)) return null;
    const asker = pageOfToken(token);
    if (!asker) return invalidToken();
    return profile({ pageId: asker.pageId, psid: id! });
  }
  if (token !== page.accessToken) return invalidToken();
  if (method === "GET" && !edge) return ok({ id: page.pageId, name: page.name });
  if (method === "POST" && edge === "messages") return sendApi({ pageId: page.pageId, body });
  if (method === "POST" && edge === "message_attachments") return uploadAttachment(body);
  return messengerError(400, 100, 33, `(#100) Unsupported ${method.toLowerCase()} request on Page ${page.pageId}`);
}

const invalidToken = () => messengerError(401, 190, null, "Invalid OAuth access token - Cannot parse access token");

/** The User Profile API: the name the customer gave and a picture; PSIDs starting 998 have no profile (2018218). */
async function profile({ pageId, psid }: { pageId: string; psid: string }): Promise<GraphReply> {
  if (!(await lastCustomerAction({ pageId, psid }))) return messengerError(400, 100, 33, `(#100) Object with ID '${psid}' does not exist`);
  if (psid.startsWith("998")) return messengerError(400, 100, 2018218, "(#100) No profile available for this user.");
  const name = (await customerName({ pageId, psid })) ?? "";
  const [first, ...rest] = name.split(" ");
  return ok({
    id: psid,
    first_name: first ?? "",
    last_name: rest.join(" "),
    profile_pic: `${config().internalUrl}/api/simulator/messenger/pictures/${encodeURIComponent(psid)}`,
  });
}

/** POST /{page-id}/message_attachments (multipart: message, filedata) → {"attachment_id"}. */
async function uploadAttachment(body: unknown): Promise<GraphReply> {
  if (!(body instanceof FormData)) return messengerError(400, 100, null, "(#100) Upload the file as multipart/form-data (filedata)");
  const file = body.get("filedata");
  if (!(file instanceof Blob) || file.size === 0) return messengerError(400, 100, null, "(#100) The parameter filedata is required");
  if (file.size > MAX_ATTACHMENT_BYTES) return messengerError(400, 100, 2018047, "(#100) Attachment size exceeds allowable limit");
  let type = "file";
  try {
    type = String((JSON.parse(String(body.get("message") ?? "{}")) as { attachment?: { type?: string } }).attachment?.type ?? "file");
  } catch {
    return messengerError(400, 100, null, "(#100) The parameter message must be JSON");
  }
  if (!["image", "video", "audio", "file"].includes(type))
    return messengerError(400, 100, null, `(#100) Unsupported attachment type ${type}`);
  const saved = await saveSimulatorMedia({
    bytes: new Uint8Array(await file.arrayBuffer()),
    mimeType: file.type || "application/octet-stream",
    fileName: file instanceof File && file.name ? file.name : null,
  });
  return ok({ attachment_id: saved.id });
}
