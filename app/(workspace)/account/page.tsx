import { ChangePasswordForm } from "@/components/account/change-password-form";
import { ProfileForm } from "@/components/account/profile-form";
import { SignOutEverywhere } from "@/components/account/sign-out-everywhere";
import { ThemePicker } from "@/components/account/theme-picker";
import { requirePageUser } from "@/lib/auth/guards";
import { roleLabels } from "@/lib/users/choices";
import { getAccount } from "@/lib/users/get-account";

export const metadata = { title: "Your account · Switchboard" };
export const dynamic = "force-dynamic";

export default async function AccountPage() {
  const user = await requirePageUser("account.manage");
  const account = await getAccount({ userId: user.id });
  const changed = account.passwordChangedAt ? new Date(account.passwordChangedAt).toLocaleDateString("en", { dateStyle: "medium" }) : null;
  return (
    <main className="mx-auto h-full max-w-3xl space-y-6 overflow-y-auto p-4 md:p-6">
      <div>
        <h1 className="text-lg font-semibold">Your account</h1>
        <p className="text-sm text-slate-500">
          Signed in as {account.email} · {roleLabels[account.role]}
        </p>
      </div>
      <Section title="Profile">
        <ProfileForm account={account} timeZones={Intl.supportedValuesOf("timeZone")} />
      </Section>
      <Section title="Theme">
        <ThemePicker theme={account.theme} />
      </Section>
      <Section title="Password" note={changed ? `Last changed ${changed}.` : undefined}>
        <ChangePasswordForm email={account.email} name={account.name} />
      </Section>
      <Section title="Sessions" note="Lost a device, or signed in on a shared computer? End every session at once.">
        <SignOutEverywhere />
      </Section>
    </main>
  );
}

function Section({ title, note, children }: { title: string; note?: string; children: React.ReactNode }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white">
      <header className="border-b border-slate-100 px-4 py-2.5">
        <h2 className="text-sm font-semibold">{title}</h2>
        {note && <p className="text-xs text-slate-500">{note}</p>}
      </header>
      <div className="p-4">{children}</div>
    </section>
  );
}
