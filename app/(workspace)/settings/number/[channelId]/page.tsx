import { getTranslations } from "next-intl/server";
import { NumberHealthView } from "@/components/settings/number/number-health-view";
import { NumberPicker } from "@/components/settings/number-picker";
import { requirePageUser } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { listNumbers } from "@/lib/whatsapp/list-numbers";

export async function generateMetadata() {
  const t = await getTranslations("meta");
  return { title: t("title", { page: t("numberHealth") }) };
}
export const dynamic = "force-dynamic";

export default async function NumberHealthPage({ params }: { params: Promise<{ channelId: string }> }) {
  const user = await requirePageUser("dashboard.view");
  const { channelId } = await params;
  const numbers = await listNumbers();
  const number = numbers.find((candidate) => candidate.id === channelId);
  const t = await getTranslations("settings");
  return (
    <div className="mx-auto h-full max-w-6xl overflow-y-auto p-6">
      <NumberPicker numbers={numbers} current={channelId} section="number" />
      <h1 className="text-lg font-semibold">{number ? t("numberHealth.titleFor", { name: number.name }) : t("numberHealth.title")}</h1>
      <p className="mb-4 text-sm text-slate-500">{t("numberHealth.intro")}</p>
      {number ? (
        <NumberHealthView channelId={number.id} canAct={can(user.role, "settings.manage")} />
      ) : (
        <p className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-600" data-testid="unknown-number">
          {t("unknownNumber", { count: numbers.length })}
        </p>
      )}
    </div>
  );
}
