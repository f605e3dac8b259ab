// POST /api/conversations/:id/media — upload a file (multipart, field "file") to send with
// {"media":{"mediaId":…}}.
import { NextResponse } from "next/server";
import { AppError } from "@/lib/errors";
import { phrase } from "@/lib/i18n/phrase";
import { idParams, route } from "@/lib/http/route";
import { uploadAttachment } from "@/lib/conversations/upload-attachment";

// The body is multipart, not JSON, so the handler reads it itself.
export const POST = route({ permission: "conversation.reply", params: idParams }, async ({ request, user, params }) => {
  const form = await request.formData().catch(() => null);
  const file = form?.get("file");
  if (!(file instanceof File) || file.size === 0) {
    throw new AppError("INVALID_INPUT", phrase("errors.attachFile"), [{ path: "file", message: phrase("errors.fieldRequired") }]);
  }
  const upload = await uploadAttachment({
    conversationId: params.id,
    actor: user,
    file: {
      bytes: new Uint8Array(await file.arrayBuffer()),
      mimeType: file.type || "application/octet-stream",
      fileName: file.name || "file",
    },
  });
  return NextResponse.json(upload, { status: 201 });
});
