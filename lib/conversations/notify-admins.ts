import type { Prisma } from "@/lib/db/client";
import type { Publication } from "@/lib/realtime/publish";
import { notify } from "./notify";

/** A notification for every active admin (the number's health, a display name decision). */
export async function notifyAdmins({ tx, body }: { tx: Prisma.TransactionClient; body: string }): Promise<Publication[]> {
  const admins = await tx.user.findMany({ where: { role: "ADMIN", active: true }, select: { id: true } });
  return Promise.all(admins.map((admin) => notify({ tx, userId: admin.id, kind: "channel", body })));
}
