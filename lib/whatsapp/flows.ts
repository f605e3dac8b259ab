import "server-only";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { phrase } from "@/lib/i18n/phrase";

// The WhatsApp Flows agents may send (appointment booking, forms, sign-ups): built in Meta's Flow
// Builder, registered here by an admin with the flow id Meta gave it.

export type FlowDto = { id: string; channelId: string; metaId: string; name: string; cta: string; screen: string | null };

export async function listFlows({ userId }: { userId: string }): Promise<FlowDto[]> {
  return db.flow.findMany({
    where: { channel: { inbox: { members: { some: { userId } } } } },
    orderBy: { name: "asc" },
    select: { id: true, channelId: true, metaId: true, name: true, cta: true, screen: true },
  });
}

export async function addFlow({ flow, actor }: { flow: Omit<FlowDto, "id">; actor: { id: string; name: string } }): Promise<FlowDto> {
  if (!(await db.channel.findUnique({ where: { id: flow.channelId } })))
    throw new AppError("UNPROCESSABLE", phrase("errors.noSuchChannel"));
  return db.$transaction(async (tx) => {
    const created = await tx.flow.create({
      data: flow,
      select: { id: true, channelId: true, metaId: true, name: true, cta: true, screen: true },
    });
    await recordAudit(
      { actor: { id: actor.id, label: actor.name }, action: "flow.added", target: { type: "flow", id: created.id }, after: created },
      tx,
    );
    return created;
  });
}

export async function removeFlow({ flowId, actor }: { flowId: string; actor: { id: string; name: string } }): Promise<void> {
  const flow = await db.flow.findUnique({ where: { id: flowId } });
  if (!flow) throw new AppError("NOT_FOUND", phrase("errors.noSuchFlow"));
  await db.$transaction(async (tx) => {
    await tx.flow.delete({ where: { id: flowId } });
    await recordAudit(
      { actor: { id: actor.id, label: actor.name }, action: "flow.removed", target: { type: "flow", id: flowId }, before: flow },
      tx,
    );
  });
}
