// Every action Switchboard records, in words: a short label for the filter, and a sentence for one
// event ("Changed Priya's role from Agent to Manager"). No imports, so the page's filter bar shows
// the same labels the server writes sentences with. An action not listed here is shown as recorded.

type Fields = Record<string, unknown> | null;
export type EventFacts = { action: string; target: string; before: Fields; after: Fields; reason: string | null };
type Action = { label: string; sentence: (facts: EventFacts) => string };

const roleNames: Record<string, string> = { ADMIN: "Admin", MANAGER: "Manager", AGENT: "Agent" };
const role = (value: unknown) => (typeof value === "string" ? (roleNames[value] ?? value) : "no role");
const str = (value: unknown, fallback = "?") => (typeof value === "string" && value !== "" ? value : fallback);
const count = (value: unknown, one: string, many: string) => {
  const n = Array.isArray(value) ? value.length : 0;
  return `${n} ${n === 1 ? one : many}`;
};
const possessive = (name: string) => (name.endsWith("s") ? `${name}'` : `${name}'s`);

export const auditActions: Record<string, Action> = {
  "auth.signed_in": { label: "Signed in", sentence: () => "Signed in" },
  "auth.sign_in_failed": {
    label: "Sign-in failed",
    sentence: ({ after, reason }) => `Failed to sign in as ${str(after?.email)}${reason ? ` (${reason})` : ""}`,
  },
  "auth.locked_out": { label: "Locked out", sentence: ({ after }) => `Locked out ${str(after?.email)} after too many failed sign-ins` },
  "setup.completed": { label: "Setup completed", sentence: () => "Set up Switchboard as its first admin" },
  "invite.created": {
    label: "Invitation sent",
    sentence: ({ after }) => `Invited ${str(after?.email)} as ${role(after?.role)}`,
  },
  "invite.accepted": { label: "Invitation accepted", sentence: () => "Accepted an invitation and joined" },
  "invite.revoked": {
    label: "Invitation revoked",
    sentence: ({ before, target }) => `Revoked the invitation for ${str(before?.email, target)}`,
  },
  "user.role_changed": {
    label: "Role changed",
    sentence: ({ target, before, after }) => `Changed ${possessive(target)} role from ${role(before?.role)} to ${role(after?.role)}`,
  },
  "user.inboxes_changed": {
    label: "Inboxes changed",
    sentence: ({ target, before, after }) =>
      `Changed ${possessive(target)} inboxes from ${count(before?.inboxes, "inbox", "inboxes")} to ${count(after?.inboxes, "inbox", "inboxes")}`,
  },
  "user.teams_changed": {
    label: "Teams changed",
    sentence: ({ target, before, after }) =>
      `Changed ${possessive(target)} teams from ${count(before?.teams, "team", "teams")} to ${count(after?.teams, "team", "teams")}`,
  },
  "user.deactivated": { label: "User deactivated", sentence: ({ target }) => `Deactivated ${target}` },
  "user.reactivated": { label: "User reactivated", sentence: ({ target }) => `Reactivated ${target}` },
  "user.profile_updated": { label: "Profile updated", sentence: () => "Updated their own profile" },
  "user.password_changed": { label: "Password changed", sentence: () => "Changed their password" },
  "user.password_reset_issued": { label: "Password reset issued", sentence: ({ target }) => `Issued a password reset link for ${target}` },
  "user.password_reset": { label: "Password reset", sentence: () => "Reset their password with a link" },
  "user.signed_out_everywhere": { label: "Signed out everywhere", sentence: () => "Signed out of every session" },
  "channel.added": {
    label: "Channel connected",
    sentence: ({ after }) =>
      after?.pageId
        ? `Connected the Facebook Page “${str(after?.pageName)}” as the inbox “${str(after?.name)}”`
        : `Connected the WhatsApp number +${str(after?.displayPhoneNumber)} as the inbox “${str(after?.name)}”`,
  },
  "channel.updated": {
    label: "Channel changed",
    sentence: ({ target, after }) => {
      const replaced = Array.isArray(after?.secretsReplaced)
        ? ` and replaced its ${after.secretsReplaced.length === 1 ? "credential" : "credentials"}`
        : "";
      return `Changed the channel ${target}${replaced}`;
    },
  },
  "channel.disabled": { label: "Channel disabled", sentence: ({ target }) => `Disabled the channel ${target}: it sends nothing` },
  "channel.enabled": { label: "Channel enabled", sentence: ({ target }) => `Enabled the channel ${target} again` },
  "label.created": { label: "Label created", sentence: ({ after }) => `Created the label “${str(after?.name)}”` },
  "canned_response.saved": {
    label: "Canned reply saved",
    sentence: ({ before, after }) => `${before ? "Changed" : "Added"} the canned reply /${str(after?.shortcut)}`,
  },
  "canned_response.deleted": {
    label: "Canned reply deleted",
    sentence: ({ before }) => `Deleted the canned reply /${str(before?.shortcut)}`,
  },
  "contact.blocked": { label: "Contact blocked", sentence: ({ target }) => `Blocked ${target}` },
  "contact.unblocked": { label: "Contact unblocked", sentence: ({ target }) => `Unblocked ${target}` },
  "contact.marked_spam": { label: "Marked as spam", sentence: ({ target }) => `Marked ${target} as spam` },
  "contact.unmarked_spam": { label: "Spam mark removed", sentence: ({ target }) => `Removed the spam mark from ${target}` },
  "contact.renamed": {
    label: "Contact renamed",
    sentence: ({ before, after }) => `Renamed the contact “${str(before?.name, "unnamed")}” to “${str(after?.name, "unnamed")}”`,
  },
  "contact.linked": {
    label: "Contacts linked",
    sentence: ({ target, after }) =>
      `Linked ${target} and ${str((after?.sameAs as { name?: unknown } | undefined)?.name, "another contact")} as the same person`,
  },
  "contact.unlinked": { label: "Contact unlinked", sentence: ({ target }) => `Unlinked ${target} from the person it was linked to` },
  "contact.marketing_stopped": { label: "Marketing stopped", sentence: ({ target }) => `Stopped marketing messages to ${target}` },
  "contact.marketing_resume": { label: "Marketing resumed", sentence: ({ target }) => `Resumed marketing messages to ${target}` },
  "assignment.settings_changed": { label: "Assignment settings changed", sentence: () => "Changed the assignment settings" },
  "rate_card.replaced": {
    label: "Rate card replaced",
    sentence: ({ after }) => `Replaced the rate card (${count(after, "rate", "rates")})`,
  },
  "flow.added": { label: "Flow added", sentence: ({ after }) => `Added the flow “${str(after?.name)}”` },
  "flow.removed": { label: "Flow removed", sentence: ({ before }) => `Removed the flow “${str(before?.name)}”` },
  "message.resent": {
    label: "Unconfirmed message resent",
    sentence: ({ target }) => `Resent a message to ${target} that WhatsApp had not confirmed`,
  },
  "message.discarded": {
    label: "Unconfirmed message discarded",
    sentence: ({ target }) => `Discarded a message to ${target} that WhatsApp had not confirmed`,
  },
  "message.dead_letter_retried": {
    label: "Failed send retried",
    sentence: ({ target }) => `Retried a message to ${target} whose sending had given up`,
  },
  "webhook_event.replayed": { label: "Webhook replayed", sentence: () => "Replayed a logged webhook" },
  "channel_alert.dismissed": { label: "Alert dismissed", sentence: ({ after }) => `Dismissed the alert “${str(after?.summary)}”` },
  "audit.exported": {
    label: "Audit log exported",
    sentence: ({ after }) => `Exported the audit log as ${after?.format === "jsonl" ? "JSON Lines" : "CSV"}`,
  },
  "audit.chain_keyed": { label: "Audit chain keyed", sentence: () => "Sealed the audit trail's earlier events with the audit key" },
};

export const knownActions = Object.keys(auditActions).sort();

export function actionLabel(action: string): string {
  return auditActions[action]?.label ?? action;
}

/** The event as a sentence; an unknown action, or one whose fields are not as expected, stays raw. */
export function describeEvent(facts: EventFacts): string {
  const known = auditActions[facts.action];
  if (!known) return facts.action;
  try {
    return known.sentence(facts);
  } catch {
    return facts.action;
  }
}
