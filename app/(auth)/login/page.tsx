import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { currentUser } from "@/lib/auth/guards";
import { config } from "@/lib/config";
import { safeRedirectPath } from "@/lib/http/safe-redirect";

export async function generateMetadata() {
  const t = await getTranslations("meta");
  return { title: t("title", { page: t("signIn") }) };
}
// Depends on the session cookie and on configuration that exists only at run time.
export const dynamic = "force-dynamic";

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  if (await currentUser()) redirect("/inbox");
  const { callbackUrl } = await searchParams;
  const t = await getTranslations("auth");
  // Only a path on this site: the form sends the browser there after signing in.
  const target = safeRedirectPath(callbackUrl);
  return (
    <main className="flex min-h-full items-center justify-center px-4 py-16">
      <div className="w-full max-w-sm">
        <div className="mb-8 flex items-center gap-2">
          <span className="flex h-9 w-9 items-center justify-center rounded-lg bg-accent font-bold text-on-accent">S</span>
          <span className="text-xl font-semibold">Switchboard</span>
        </div>
        <h1 className="mb-1 text-lg font-semibold">{t("signInTitle")}</h1>
        <p className="mb-6 text-sm text-slate-500">{t("signInIntro")}</p>
        <LoginForm callbackUrl={target} showDemo={!config().production || config().seedDemo} />
      </div>
    </main>
  );
}
