// POST /api/conversations/:id/media — upload a file (multipart, field "file") to send with
// {"media":{"mediaId":…}}.
import { NextResponse } from "next/server";
import { requirePermission } from "@/lib/auth/guards";
import { AppError } from "@/lib/errors";
import { handle } from "@/lib/http/route";
import { uploadAttachment } from "@/lib/inbox/upload-attachment";

type Context = { params: Promise<{ id: string }> };

export const POST = handle(async (request, { params }: Context) => {
  const user = await requirePermission("conversation.reply");
  const { id } = await params;
  const form = await request.formData().catch(() => null);
  const file = form?.get("file");
  if (!(file instanceof File) || file.size === 0) {
    throw new AppError("INVALID_INPUT", 'Attach a file as multipart/form-data, field "file".', [{ path: "file", message: "Required." }]);
  }
  const upload = await uploadAttachment({
    conversationId: id,
    actor: user,
    file: {
      bytes: new Uint8Array(await file.arrayBuffer()),
      mimeType: file.type || "application/octet-stream",
      fileName: file.name || "file",
    },
  });
  return NextResponse.json(upload, { status: 201 });
});
