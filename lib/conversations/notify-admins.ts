import type { Prisma } from "@/lib/db/client";
import type { Publication } from "@/lib/realtime/publish";
import { notify } from "./notify";
import type { ChannelNoticeAlert } from "./types";

/** A notification for every active admin (the number's health, a display name decision). */
export async function notifyAdmins({
  tx,
  params,
}: {
  tx: Prisma.TransactionClient;
  params: { channel: string; alert: ChannelNoticeAlert };
}): Promise<Publication[]> {
  const admins = await tx.user.findMany({ where: { role: "ADMIN", active: true }, select: { id: true } });
  return Promise.all(admins.map((admin) => notify({ tx, userId: admin.id, kind: "channel", params })));
}
