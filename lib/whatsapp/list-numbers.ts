import "server-only";
import { db } from "@/lib/db/client";

/** The WhatsApp numbers, for the settings pages' number picker and navigation (no credentials). */
export async function listNumbers(): Promise<{ id: string; name: string; displayPhoneNumber: string }[]> {
  return db.channel.findMany({ orderBy: { createdAt: "asc" }, select: { id: true, name: true, displayPhoneNumber: true } });
}
