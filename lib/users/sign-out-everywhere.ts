import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { accessChanged, revokeSessions } from "@/lib/auth/access";
import { db } from "@/lib/db/client";

/** Ends every session the user has, on every device, this one included. */
export async function signOutEverywhere({ user }: { user: { id: string; name: string } }): Promise<void> {
  await db.$transaction(async (tx) => {
    await revokeSessions({ userId: user.id, tx });
    await recordAudit(
      { actor: { id: user.id, label: user.name }, action: "user.signed_out_everywhere", target: { type: "user", id: user.id } },
      tx,
    );
  });
  accessChanged({ userId: user.id });
}
