import { AuthShell, LinkRefused } from "@/components/account/auth-shell";
import { SetupForm } from "@/components/account/setup-form";
import { setupState } from "@/lib/users/complete-setup";

// The token travels in the address: no referrer, so it never leaves in a Referer header.
export const metadata = { title: "Set up · Switchboard", referrer: "no-referrer" };
export const dynamic = "force-dynamic";

export default async function SetupPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const state = await setupState({ token });
  if (!state.ok || !token) {
    return (
      <AuthShell title="Set up Switchboard">
        <LinkRefused message={state.ok ? "Open the setup link Switchboard printed when it started." : state.message} />
      </AuthShell>
    );
  }
  return (
    <AuthShell title="Set up Switchboard" intro="Create the first admin account. You'll invite the rest of your team next.">
      <SetupForm token={token} />
    </AuthShell>
  );
}
