import { phrase, type Phrase } from "@/lib/i18n/phrase";

// The profile photo's rules, checked in the browser before the upload and on the server after it:
// JPEG or PNG, at most 5 MB, at least 192 × 192 pixels. Pure: reads only the bytes it is given.

export const photoRules = { types: ["image/jpeg", "image/png"], maxBytes: 5 * 1024 * 1024, minSide: 192 } as const;

/** Why WhatsApp would refuse the photo (a Phrase of the "profile" messages), or null. */
export function photoProblem({ type, size, width, height }: { type: string; size: number; width: number; height: number }): Phrase | null {
  if (!(photoRules.types as readonly string[]).includes(type)) return phrase("profile.photoType");
  if (size > photoRules.maxBytes) return phrase("profile.photoTooBig", { max: 5 });
  if (width < photoRules.minSide || height < photoRules.minSide)
    return phrase("profile.photoTooSmall", { min: photoRules.minSide, width, height });
  return null;
}

/** The type and size in pixels of a PNG or JPEG, from its header; null for anything else. */
export function imageInfo(bytes: Uint8Array): { type: string; width: number; height: number } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 24 && png.every((byte, index) => bytes[index] === byte)) {
    return { type: "image/png", width: view.getUint32(16), height: view.getUint32(20) };
  }
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  let offset = 2;
  while (offset + 9 < bytes.length) {
    if (bytes[offset] !== 0xff) return null;
    const marker = bytes[offset + 1];
    const length = view.getUint16(offset + 2);
    // Start-of-frame markers (baseline, progressive, …) carry the size; DHT, JPG and DAC do not.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { type: "image/jpeg", height: view.getUint16(offset + 5), width: view.getUint16(offset + 7) };
    }
    offset += 2 + length;
  }
  return null;
}
