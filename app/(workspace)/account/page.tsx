import { getFormatter, getTranslations } from "next-intl/server";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { ProfileForm } from "@/components/account/profile-form";
import { SignOutEverywhere } from "@/components/account/sign-out-everywhere";
import { ThemePicker } from "@/components/account/theme-picker";
import { requirePageUser } from "@/lib/auth/guards";
import { getAccount } from "@/lib/users/get-account";

export async function generateMetadata() {
  const t = await getTranslations("meta");
  return { title: t("title", { page: t("account") }) };
}
export const dynamic = "force-dynamic";

export default async function AccountPage() {
  const user = await requirePageUser("account.manage");
  const [account, t, format] = await Promise.all([getAccount({ userId: user.id }), getTranslations("account"), getFormatter()]);
  const changed = account.passwordChangedAt ? format.dateTime(new Date(account.passwordChangedAt), { dateStyle: "medium" }) : null;
  return (
    <main className="mx-auto h-full max-w-3xl space-y-6 overflow-y-auto p-4 md:p-6">
      <div>
        <h1 className="text-lg font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-500">{t("signedInAs", { email: account.email, role: account.role })}</p>
      </div>
      <Section title={t("profile")}>
        <ProfileForm account={account} timeZones={Intl.supportedValuesOf("timeZone")} />
      </Section>
      <Section title={t("theme")}>
        <ThemePicker theme={account.theme} />
      </Section>
      <Section title={t("password")} note={changed ? t("passwordLastChanged", { date: changed }) : undefined}>
        <ChangePasswordForm email={account.email} name={account.name} />
      </Section>
      <Section title={t("sessions")} note={t("sessionsNote")}>
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
