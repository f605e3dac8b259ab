import type { MessageKey, PhraseValues, Translate } from "@/lib/i18n/phrase";

// Every action Switchboard records, in words: a short label for the filter ("audit.actions.<action>")
// and a sentence for one event ("audit.summary.<action>": "Changed Priya's role from Agent to
// Manager"), in the reader's language. Only the values of each sentence are picked here, so the
// page's filter bar and the server's API and export word actions alike. An action not listed here
// is shown as recorded.

type Fields = Record<string, unknown> | null;
export type EventFacts = { action: string; target: string; before: Fields; after: Fields; reason: string | null };
type Values = (facts: EventFacts) => PhraseValues;

const role = (value: unknown) => (typeof value === "string" && value ? value : "none");
const str = (value: unknown, fallback = "?") => (typeof value === "string" && value !== "" ? value : fallback);
const count = (value: unknown) => (Array.isArray(value) ? value.length : 0);
/** English writes "James' role" but "Priya's role"; other languages ignore the choice. */
const possessive = (name: string) => (name.endsWith("s") ? "s" : "other");
const none: Values = () => ({});
const targetOnly: Values = ({ target }) => ({ target });

const auditActions: Record<string, Values> = {
  "auth.signed_in": none,
  "auth.sign_in_failed": ({ after, reason }) => ({ email: str(after?.email), reason: reason ?? "", hasReason: reason ? "yes" : "no" }),
  "auth.locked_out": ({ after }) => ({ email: str(after?.email) }),
  "setup.completed": none,
  "invite.created": ({ after }) => ({ email: str(after?.email), role: role(after?.role) }),
  "invite.accepted": none,
  "invite.revoked": ({ before, target }) => ({ email: str(before?.email, target) }),
  "user.role_changed": ({ target, before, after }) => ({
    target,
    possessive: possessive(target),
    from: role(before?.role),
    to: role(after?.role),
  }),
  "user.inboxes_changed": ({ target, before, after }) => ({
    target,
    possessive: possessive(target),
    from: count(before?.inboxes),
    to: count(after?.inboxes),
  }),
  "user.teams_changed": ({ target, before, after }) => ({
    target,
    possessive: possessive(target),
    from: count(before?.teams),
    to: count(after?.teams),
  }),
  "user.deactivated": targetOnly,
  "user.reactivated": targetOnly,
  "user.profile_updated": none,
  "user.password_changed": none,
  "user.password_reset_issued": targetOnly,
  "user.password_reset": none,
  "user.signed_out_everywhere": none,
  "channel.added": ({ after }) => ({
    kind: after?.pageId ? "page" : "number",
    page: str(after?.pageName),
    number: str(after?.displayPhoneNumber),
    name: str(after?.name),
  }),
  "channel.updated": ({ target, after }) => ({
    target,
    replaced: Array.isArray(after?.secretsReplaced) ? after.secretsReplaced.length : 0,
  }),
  "channel.disabled": targetOnly,
  "channel.enabled": targetOnly,
  "label.created": ({ after }) => ({ name: str(after?.name) }),
  "canned_response.saved": ({ before, after }) => ({ shortcut: str(after?.shortcut), change: before ? "changed" : "added" }),
  "canned_response.deleted": ({ before }) => ({ shortcut: str(before?.shortcut) }),
  "contact.blocked": targetOnly,
  "contact.unblocked": targetOnly,
  "contact.marked_spam": targetOnly,
  "contact.unmarked_spam": targetOnly,
  "contact.renamed": ({ before, after }) => ({
    from: str(before?.name, ""),
    to: str(after?.name, ""),
    hadName: before?.name ? "yes" : "no",
    hasName: after?.name ? "yes" : "no",
  }),
  "contact.linked": ({ target, after }) => {
    const other = (after?.sameAs as { name?: unknown } | undefined)?.name;
    return { target, other: str(other, ""), known: typeof other === "string" && other ? "yes" : "no" };
  },
  "contact.unlinked": targetOnly,
  "contact.marketing_stopped": targetOnly,
  "contact.marketing_resume": targetOnly,
  "assignment.settings_changed": none,
  "rate_card.replaced": ({ after }) => ({ count: count(after) }),
  "flow.added": ({ after }) => ({ name: str(after?.name) }),
  "flow.removed": ({ before }) => ({ name: str(before?.name) }),
  "message.resent": targetOnly,
  "message.discarded": targetOnly,
  "message.dead_letter_retried": targetOnly,
  "webhook_event.replayed": none,
  "channel_alert.dismissed": ({ after }) => ({ summary: str(after?.summary) }),
  "audit.exported": ({ after }) => ({ format: after?.format === "jsonl" ? "jsonl" : "csv" }),
  "audit.chain_keyed": none,
};

export const knownActions = Object.keys(auditActions).sort();

/** The action's name for the filter; an unknown action as recorded. */
export function actionLabel(action: string, t: Translate): string {
  return auditActions[action] ? t(`audit.actions.${action}` as MessageKey) : action;
}

/** The event as a sentence; an unknown action, or one whose fields are not as expected, stays raw. */
export function describeEvent(facts: EventFacts, t: Translate): string {
  const values = auditActions[facts.action];
  if (!values) return facts.action;
  try {
    return t(`audit.summary.${facts.action}` as MessageKey, values(facts));
  } catch {
    return facts.action;
  }
}
