import "server-only";
import { db } from "@/lib/db/client";
import { whatsappChannels } from "./whatsapp-number";

/** The WhatsApp numbers, for the settings pages' number picker and navigation (no credentials). */
export async function listNumbers(): Promise<{ id: string; name: string; displayPhoneNumber: string }[]> {
  const channels = await db.channel.findMany({
    where: whatsappChannels,
    orderBy: { createdAt: "asc" },
    select: { id: true, displayPhoneNumber: true, inbox: { select: { name: true } } },
  });
  return channels.map(({ inbox, id, displayPhoneNumber }) => ({
    id,
    displayPhoneNumber: displayPhoneNumber ?? "",
    name: inbox?.name ?? `+${displayPhoneNumber ?? ""}`,
  }));
}
