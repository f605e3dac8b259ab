import { getTranslations } from "next-intl/server";
import { AuthShell, LinkRefused } from "@/components/account/auth-shell";
import { ResetPasswordForm } from "@/components/account/reset-password-form";
import { passwordResetDetails } from "@/lib/users/reset-password";

export async function generateMetadata() {
  const t = await getTranslations("meta");
  return { title: t("title", { page: t("newPassword") }), referrer: "no-referrer" as const };
}
export const dynamic = "force-dynamic";

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const [reset, t, say] = await Promise.all([passwordResetDetails({ token }), getTranslations("auth"), getTranslations()]);
  if (!reset.ok || !token) {
    return (
      <AuthShell title={t("resetTitle")}>
        <LinkRefused message={reset.ok ? t("resetLinkNeeded") : say(reset.message.key, reset.message.values)} />
      </AuthShell>
    );
  }
  return (
    <AuthShell title={t("resetTitle")} intro={<p>{t("resetIntro", { email: reset.email })}</p>}>
      <ResetPasswordForm token={token} email={reset.email} name={reset.name} />
    </AuthShell>
  );
}
