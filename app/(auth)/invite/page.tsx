import { getFormatter, getTranslations } from "next-intl/server";
import { AuthShell, LinkRefused } from "@/components/account/auth-shell";
import { AcceptInviteForm } from "@/components/account/accept-invite-form";
import { inviteDetails } from "@/lib/users/invite-details";

export async function generateMetadata() {
  const t = await getTranslations("meta");
  return { title: t("title", { page: t("join") }), referrer: "no-referrer" as const };
}
export const dynamic = "force-dynamic";

export default async function InvitePage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const [invite, t, say, format] = await Promise.all([
    inviteDetails({ token }),
    getTranslations("auth"),
    getTranslations(),
    getFormatter(),
  ]);
  if (!invite.ok || !token) {
    return (
      <AuthShell title={t("joinTitle")}>
        <LinkRefused message={invite.ok ? t("inviteLinkNeeded") : say(invite.message.key, invite.message.values)} />
      </AuthShell>
    );
  }
  const names = (items: { name: string }[]) => format.list(items.map((item) => item.name));
  const hasInviter = invite.invitedBy ? "yes" : "no";
  return (
    <AuthShell
      title={t("joinTitle")}
      intro={
        <p data-testid="invite-summary">
          {t.rich("inviteSummary", {
            hasInviter,
            inviter: invite.invitedBy ?? "",
            role: invite.role,
            inboxes: names(invite.inboxes),
            inboxCount: invite.inboxes.length,
            teams: names(invite.teams),
            teamCount: invite.teams.length,
            strong: (chunks) => <strong className="font-medium text-slate-700">{chunks}</strong>,
          })}
        </p>
      }
    >
      <AcceptInviteForm token={token} email={invite.email} suggestedName={invite.name} />
    </AuthShell>
  );
}
