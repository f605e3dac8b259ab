import { AuthShell, LinkRefused } from "@/components/account/auth-shell";
import { ResetPasswordForm } from "@/components/account/reset-password-form";
import { passwordResetDetails } from "@/lib/users/reset-password";

export const metadata = { title: "New password · Switchboard", referrer: "no-referrer" };
export const dynamic = "force-dynamic";

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const reset = await passwordResetDetails({ token });
  if (!reset.ok || !token) {
    return (
      <AuthShell title="Choose a new password">
        <LinkRefused message={reset.ok ? "This page needs the password-reset link an admin made for you." : reset.message} />
      </AuthShell>
    );
  }
  return (
    <AuthShell title="Choose a new password" intro={<p>For {reset.email}. You&apos;ll be signed out on every other device.</p>}>
      <ResetPasswordForm token={token} email={reset.email} name={reset.name} />
    </AuthShell>
  );
}
