import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { phrase } from "@/lib/i18n/phrase";

// Canned replies the composer offers on "/". They are shared by the team, so every change goes
// into the audit trail with who made it.

type Actor = { id: string; name: string };

export async function listCannedResponses() {
  return db.cannedResponse.findMany({ orderBy: { shortcut: "asc" }, select: { id: true, shortcut: true, title: true, body: true } });
}

const cannedFields = { id: true, shortcut: true, title: true, body: true } as const;

/** Creates the reply under its shortcut, or replaces the one already there. */
export async function saveCannedResponse({
  shortcut,
  title,
  body,
  actor,
}: {
  shortcut: string;
  title: string;
  body: string;
  actor: Actor;
}) {
  const key = shortcut.replace(/^\//, "").trim().toLowerCase();
  return db.$transaction(async (tx) => {
    const before = await tx.cannedResponse.findUnique({ where: { shortcut: key }, select: cannedFields });
    const saved = await tx.cannedResponse.upsert({
      where: { shortcut: key },
      update: { title, body },
      create: { shortcut: key, title, body },
      select: cannedFields,
    });
    await recordAudit(
      {
        actor: { id: actor.id, label: actor.name },
        action: "canned_response.saved",
        target: { type: "canned_response", id: saved.id },
        before,
        after: saved,
      },
      tx,
    );
    return saved;
  });
}

export async function deleteCannedResponse({ id, actor }: { id: string; actor: Actor }) {
  await db.$transaction(async (tx) => {
    const before = await tx.cannedResponse.findUnique({ where: { id }, select: cannedFields });
    const deleted = await tx.cannedResponse.deleteMany({ where: { id } });
    if (!before || deleted.count === 0) throw new AppError("NOT_FOUND", phrase("errors.noSuchCannedResponse"));
    await recordAudit(
      { actor: { id: actor.id, label: actor.name }, action: "canned_response.deleted", target: { type: "canned_response", id }, before },
      tx,
    );
  });
}
