import { getTranslations } from "next-intl/server";
import { RateCardEditor } from "@/components/settings/rate-card-editor";
import { requirePageUser } from "@/lib/auth/guards";
import { listRates } from "@/lib/billing/rate-card";

export async function generateMetadata() {
  const t = await getTranslations("meta");
  return { title: t("title", { page: t("rateCard") }) };
}
export const dynamic = "force-dynamic";

export default async function RateCardPage() {
  await requirePageUser("settings.manage");
  const t = await getTranslations("settings");
  return (
    <div className="mx-auto h-full max-w-3xl overflow-y-auto p-6">
      <h1 className="text-lg font-semibold">{t("rateCard.title")}</h1>
      <p className="mb-4 text-sm text-slate-500">{t("rateCard.intro")}</p>
      <RateCardEditor initial={await listRates()} />
    </div>
  );
}
