// POST /api/channels/:id/profile/photo — a cropped profile photo (multipart "file") → the upload handle to save it with.
import { NextResponse } from "next/server";
import { uploadProfilePhoto } from "@/lib/business-profile/upload-photo";
import { photoRules } from "@/lib/business-profile/photo-rules";
import { AppError } from "@/lib/errors";
import { idParams, route } from "@/lib/http/route";

export const POST = route({ permission: "settings.manage", params: idParams }, async ({ request, params, user }) => {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > photoRules.maxBytes + 64 * 1024) throw new AppError("PAYLOAD_TOO_LARGE", "The photo can be at most 5 MB.");
  const form = await request.formData().catch(() => null);
  const file = form?.get("file");
  if (!(file instanceof Blob) || file.size === 0) throw new AppError("INVALID_INPUT", "Choose a photo to upload.");
  if (file.size > photoRules.maxBytes) throw new AppError("PAYLOAD_TOO_LARGE", "The photo can be at most 5 MB.");
  const fileName = file instanceof File && file.name ? file.name : "profile.jpg";
  const result = await uploadProfilePhoto({ channelId: params.id, bytes: new Uint8Array(await file.arrayBuffer()), fileName, actor: user });
  return NextResponse.json(result, { status: 201 });
});
