import { useTranslations } from "next-intl";
import Link from "next/link";

// The frame of the pages people reach from a link before they have a session (setup, invitation,
// password reset): the same look as the sign-in page.

export function AuthShell({ title, intro, children }: { title: string; intro?: React.ReactNode; children: React.ReactNode }) {
  return (
    <main className="flex min-h-full items-center justify-center px-4 py-16">
      <div className="w-full max-w-sm">
        <div className="mb-8 flex items-center gap-2">
          <span className="flex h-9 w-9 items-center justify-center rounded-lg bg-accent font-bold text-on-accent">S</span>
          <span className="text-xl font-semibold">Switchboard</span>
        </div>
        <h1 className="mb-1 text-lg font-semibold">{title}</h1>
        {intro && <div className="mb-6 text-sm text-slate-500">{intro}</div>}
        {children}
      </div>
    </main>
  );
}

/** Why a link can't be used, and where to go instead. */
export function LinkRefused({ message }: { message: string }) {
  const t = useTranslations("auth");
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-6 text-sm shadow-sm" data-testid="link-refused">
      <p role="alert" className="text-slate-700">
        {message}
      </p>
      <Link href="/login" className="mt-4 inline-block font-medium text-brand-700 hover:underline">
        {t("goToSignIn")}
      </Link>
    </div>
  );
}
