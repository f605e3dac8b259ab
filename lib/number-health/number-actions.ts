import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { verifyPassword } from "@/lib/auth/password";
import { recordSignInFailure, signInRetryAfter } from "@/lib/auth/sign-in-limits";
import { db } from "@/lib/db/client";
import { englishSummary } from "@/lib/whatsapp/alert-summary";
import { channelGraphIds } from "@/lib/whatsapp/channel-graph-ids";
import { GraphError } from "@/lib/whatsapp/graph-client";
import {
  requestDisplayName as postDisplayName,
  requestOfficialBusinessAccount,
  setTwoStepPin as postPin,
  type OfficialBusinessAccountRequest,
} from "@/lib/whatsapp/phone-number-api";
import { ambientLocale } from "@/lib/i18n/preferences";
import { translator } from "@/lib/i18n/translator";
import { displayNameProblem } from "./display-name-rules";
import { RETRY_AFTER_DAYS } from "./blue-tick-rules";

// The admin's actions on a number: a new display name (Meta's rules checked first; Meta's review
// decides and its webhook lands in the timeline), the blue tick, and the two-step verification PIN.
// Each is an audit event. The PIN is passed to Meta and nowhere else: not stored, logged, or audited.

type Actor = { id: string; name: string };

export class FieldRefusal extends Error {
  constructor(readonly fields: Record<string, string>) {
    super(Object.values(fields)[0]);
    this.name = "FieldRefusal";
  }
}

// Meta's refusal, in words; a refusal about the request becomes a field problem, anything else passes on.
async function askMeta(field: string, call: () => Promise<void>) {
  try {
    await call();
  } catch (error) {
    if (error instanceof GraphError && error.status >= 400 && error.status < 500 && error.code !== 190) {
      const t = translator(await ambientLocale());
      throw new FieldRefusal({ [field]: t("numberHealth.metaRefused", { reason: error.message.replace(/^\(#\d+\)\s*/, "") }) });
    }
    throw error;
  }
}

/** Switchboard's own entry in the number's timeline: who did what (shown worded, account-alerts.ts). */
async function timeline(channelId: string, kind: string, payload: { actor: string; name?: string }) {
  const at = new Date();
  const alert = { field: "switchboard", kind, payload };
  await db.channelAlert.create({ data: { ...alert, channelId, summary: englishSummary(alert), createdAt: at, dismissedAt: at } });
}

export async function requestDisplayName({ channelId, name, actor }: { channelId: string; name: string; actor: Actor }) {
  const problem = displayNameProblem(name);
  if (problem) throw new FieldRefusal({ name: translator(await ambientLocale())("numberHealth.nameProblem", { problem }) });
  const ids = await channelGraphIds(channelId);
  await askMeta("name", () => postDisplayName({ phoneNumberId: ids.phoneNumberId, name }));
  await timeline(channelId, "name_requested", { actor: actor.name, name });
  await recordAudit({
    actor: { id: actor.id, label: actor.name },
    action: "number.display_name_requested",
    target: { type: "channel", id: channelId },
    after: { name },
  });
  await expireNumberCache(channelId);
}

export async function requestBlueTick({
  channelId,
  request,
  actor,
}: {
  channelId: string;
  request: OfficialBusinessAccountRequest;
  actor: Actor;
}) {
  const ids = await channelGraphIds(channelId);
  const refusal = await db.channelAlert.findFirst({ where: { channelId, kind: "alert_oba_rejected" }, orderBy: { createdAt: "desc" } });
  const approval = await db.channelAlert.findFirst({ where: { channelId, kind: "alert_oba_approved" }, orderBy: { createdAt: "desc" } });
  if (refusal && (!approval || approval.createdAt < refusal.createdAt)) {
    const retry = new Date(refusal.createdAt.getTime() + RETRY_AFTER_DAYS * 86_400_000);
    if (retry > new Date())
      throw new FieldRefusal({
        request: translator(await ambientLocale())("numberHealth.retryFrom", { date: retry.toISOString().slice(0, 10) }),
      });
  }
  await askMeta("request", () => requestOfficialBusinessAccount({ phoneNumberId: ids.phoneNumberId, request }));
  const at = new Date();
  await db.channelMetaState.upsert({ where: { channelId }, create: { channelId, obaRequestedAt: at }, update: { obaRequestedAt: at } });
  await timeline(channelId, "oba_requested", { actor: actor.name });
  await recordAudit({
    actor: { id: actor.id, label: actor.name },
    action: "number.blue_tick_requested",
    target: { type: "channel", id: channelId },
    after: request,
  });
  await expireNumberCache(channelId);
}

// Wrong passwords count against the same limit as failed sign-ins, so a borrowed session can't be
// used to guess the password here.
export async function setTwoStepPin({
  channelId,
  pin,
  password,
  actor,
  address,
}: {
  channelId: string;
  pin: string;
  password: string;
  actor: Actor;
  address: string;
}) {
  const t = translator(await ambientLocale());
  const user = await db.user.findUnique({ where: { id: actor.id }, select: { email: true, passwordHash: true } });
  if (!user) throw new FieldRefusal({ password: t("numberHealth.notYourPassword") });
  const wait = await signInRetryAfter({ email: user.email, address });
  if (wait !== null) throw new FieldRefusal({ password: t("errors.tooManyWrongPasswords", { minutes: Math.ceil(wait / 60) }) });
  if (!(await verifyPassword(password, user.passwordHash))) {
    await recordSignInFailure({ email: user.email, address });
    throw new FieldRefusal({ password: t("numberHealth.notYourPassword") });
  }
  const ids = await channelGraphIds(channelId);
  await askMeta("pin", () => postPin({ phoneNumberId: ids.phoneNumberId, pin }));
  const at = new Date();
  await db.channelMetaState.upsert({ where: { channelId }, create: { channelId, pinSetAt: at }, update: { pinSetAt: at } });
  await timeline(channelId, "pin_set", { actor: actor.name });
  await recordAudit({
    actor: { id: actor.id, label: actor.name },
    action: "number.two_step_pin_set",
    target: { type: "channel", id: channelId },
  });
}

// The next page load reads the number from Meta again, to show the request as pending.
async function expireNumberCache(channelId: string) {
  await db.channelMetaState.updateMany({ where: { channelId }, data: { numberCheckedAt: null } });
}
