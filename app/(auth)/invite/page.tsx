import { AuthShell, LinkRefused } from "@/components/account/auth-shell";
import { AcceptInviteForm } from "@/components/account/accept-invite-form";
import { roleLabels } from "@/lib/users/choices";
import { inviteDetails } from "@/lib/users/invite-details";

export const metadata = { title: "Join · Switchboard", referrer: "no-referrer" };
export const dynamic = "force-dynamic";

export default async function InvitePage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const invite = await inviteDetails({ token });
  if (!invite.ok || !token) {
    return (
      <AuthShell title="Join your team on Switchboard">
        <LinkRefused message={invite.ok ? "This page needs the invitation link you were sent." : invite.message} />
      </AuthShell>
    );
  }
  const where = invite.inboxes.length ? ` in ${listOf(invite.inboxes.map((inbox) => inbox.name))}` : "";
  return (
    <AuthShell
      title="Join your team on Switchboard"
      intro={
        <p data-testid="invite-summary">
          {invite.invitedBy ?? "An admin"} invited you as{" "}
          <strong className="font-medium text-slate-700">{roleLabels[invite.role].toLowerCase()}</strong>
          {where}
          {invite.teams.length ? `, on the ${listOf(invite.teams.map((team) => team.name))} team${invite.teams.length > 1 ? "s" : ""}` : ""}
          .
        </p>
      }
    >
      <AcceptInviteForm token={token} email={invite.email} suggestedName={invite.name} />
    </AuthShell>
  );
}

function listOf(names: string[]): string {
  return new Intl.ListFormat("en", { style: "long", type: "conjunction" }).format(names);
}
