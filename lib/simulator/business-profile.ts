import "server-only";
import { db, type Prisma } from "@/lib/db/client";
import { config } from "@/lib/config";
import { graphError, ok, type GraphReply } from "./graph-reply";
import { fileForHandle } from "./resumable-upload";
import { verticals } from "@/lib/whatsapp/verticals";

// GET/POST /{phone-number-id}/whatsapp_business_profile with Meta's limits: about
// 1–139 characters, address 256, description 512, email 128 and well-formed, at most two websites
// of 256 characters with http(s)://, vertical from Meta's list or "". Kept per phone number.

// Meta accepts its list or "" (no vertical).
const acceptedVerticals: readonly string[] = [...verticals, ""];

type Profile = {
  about?: string;
  address?: string;
  description?: string;
  email?: string;
  websites?: string[];
  vertical?: string;
  profile_picture_url?: string;
};

const defaultProfile: Profile = {
  about: "Furniture that lasts. We answer Mon–Sat, 9:00–18:00.",
  address: "Torstraße 100, 10119 Berlin",
  description: "Northwind Furniture makes solid wood desks, chairs and lamps, delivered across Europe.",
  email: "hello@northwind.example",
  websites: ["https://northwind.example"],
  vertical: "RETAIL",
};

const fields = ["about", "address", "description", "email", "websites", "vertical", "profile_picture_url"] as const;

export async function getBusinessProfile({ phoneNumberId, query }: { phoneNumberId: string; query: URLSearchParams }): Promise<GraphReply> {
  if (!(await db.channel.findUnique({ where: { phoneNumberId } }))) return unknownObject(phoneNumberId);
  const stored = await db.simulatorBusinessProfile.findUnique({ where: { phoneNumberId } });
  const profile = (stored?.profile as Profile | undefined) ?? defaultProfile;
  const wanted = query
    .get("fields")
    ?.split(",")
    .map((field) => field.trim())
    .filter(Boolean) ?? [...fields];
  const data = Object.fromEntries(wanted.filter((field) => field in profile).map((field) => [field, profile[field as keyof Profile]]));
  return ok({ data: [{ ...data, messaging_product: "whatsapp" }] });
}

/** The profile as the simulated WhatsApp stores it (what customers see). */
export async function storedProfile(phoneNumberId: string): Promise<Profile> {
  const stored = await db.simulatorBusinessProfile.findUnique({ where: { phoneNumberId } });
  return (stored?.profile as Profile | undefined) ?? defaultProfile;
}

export async function updateBusinessProfile({ phoneNumberId, body }: { phoneNumberId: string; body: unknown }): Promise<GraphReply> {
  if (!(await db.channel.findUnique({ where: { phoneNumberId } }))) return unknownObject(phoneNumberId);
  const request = (body ?? {}) as Record<string, unknown>;
  if (request.messaging_product !== "whatsapp") return graphError(400, 100, "(#100) The parameter messaging_product is required.");

  const problem = checkProfile(request);
  if (problem) return graphError(400, 100, `(#100) ${problem}`);

  const stored = await db.simulatorBusinessProfile.findUnique({ where: { phoneNumberId } });
  const next: Profile = { ...((stored?.profile as Profile | undefined) ?? defaultProfile) };
  for (const field of ["about", "address", "description", "email", "vertical"] as const) {
    if (typeof request[field] === "string") next[field] = request[field] as string;
  }
  if (Array.isArray(request.websites)) next.websites = request.websites as string[];
  if (typeof request.profile_picture_handle === "string") {
    // A handle from the Resumable Upload API names a file in the simulator's media store.
    const picture = await fileForHandle(request.profile_picture_handle);
    if (!picture?.mimeType.startsWith("image/"))
      return graphError(400, 100, "(#100) Param profile_picture_handle is not a valid image handle.");
    // Like Meta's CDN address, one anyone can load (the customer's phone, the admin's preview).
    next.profile_picture_url = `${config().publicUrl}/api/simulator/profile-photos/${picture.id}`;
  }
  await db.simulatorBusinessProfile.upsert({
    where: { phoneNumberId },
    create: { phoneNumberId, profile: next as Prisma.InputJsonValue },
    update: { profile: next as Prisma.InputJsonValue },
  });
  return ok({ success: true });
}

function checkProfile(request: Record<string, unknown>): string | null {
  const text = (field: string, max: number, min = 0) => {
    const value = request[field];
    if (value === undefined) return null;
    if (typeof value !== "string") return `Param ${field} must be a string.`;
    if (value.length < min) return `Param ${field} must be at least ${min} character${min === 1 ? "" : "s"} long.`;
    if (value.length > max) return `Param ${field} must be at most ${max} characters long.`;
    return null;
  };
  const problem = text("about", 139, 1) ?? text("address", 256) ?? text("description", 512) ?? text("email", 128);
  if (problem) return problem;
  if (typeof request.email === "string" && request.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(request.email))
    return "Param email is not a valid email address.";
  if (request.websites !== undefined) {
    const websites = request.websites;
    if (!Array.isArray(websites) || websites.length > 2) return "Param websites must be an array of at most 2 URLs.";
    for (const site of websites) {
      if (typeof site !== "string" || site.length > 256 || !/^https?:\/\/\S+$/.test(site)) {
        return "Param websites[] must be a URL of at most 256 characters starting with http:// or https://.";
      }
    }
  }
  if (request.vertical !== undefined && !acceptedVerticals.includes(request.vertical as string)) {
    return `Param vertical must be one of {${verticals.join(", ")}} or empty.`;
  }
  return null;
}

function unknownObject(id: string): GraphReply {
  return graphError(
    400,
    100,
    `Unsupported request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
    "GraphMethodException",
  );
}
