import { getTranslations } from "next-intl/server";
import { AuthShell, LinkRefused } from "@/components/account/auth-shell";
import { SetupForm } from "@/components/account/setup-form";
import { setupState } from "@/lib/users/complete-setup";

// The token travels in the address: no referrer, so it never leaves in a Referer header.
export async function generateMetadata() {
  const t = await getTranslations("meta");
  return { title: t("title", { page: t("setup") }), referrer: "no-referrer" as const };
}
export const dynamic = "force-dynamic";

export default async function SetupPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const [state, t, say] = await Promise.all([setupState({ token }), getTranslations("auth"), getTranslations()]);
  if (!state.ok || !token) {
    return (
      <AuthShell title={t("setupTitle")}>
        <LinkRefused message={state.ok ? t("setupLinkNeeded") : say(state.message.key, state.message.values)} />
      </AuthShell>
    );
  }
  return (
    <AuthShell title={t("setupTitle")} intro={t("setupIntro")}>
      <SetupForm token={token} />
    </AuthShell>
  );
}
