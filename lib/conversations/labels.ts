import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";

// The labels conversations can carry. A new label goes into the audit trail with who made it.

type Actor = { id: string; name: string };

export async function listLabels() {
  return db.label.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, color: true } });
}

export async function createLabel({ name, color, actor }: { name: string; color: string; actor: Actor }) {
  return db.$transaction(async (tx) => {
    const label = await tx.label.create({
      data: { name: name.trim().toLowerCase(), color },
      select: { id: true, name: true, color: true },
    });
    await recordAudit(
      { actor: { id: actor.id, label: actor.name }, action: "label.created", target: { type: "label", id: label.id }, after: label },
      tx,
    );
    return label;
  });
}
