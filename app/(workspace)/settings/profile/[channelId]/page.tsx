import { getTranslations } from "next-intl/server";
import { ProfileEditor } from "@/components/settings/profile/profile-editor";
import { NumberPicker } from "@/components/settings/number-picker";
import { requirePageUser } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { listNumbers } from "@/lib/whatsapp/list-numbers";

export async function generateMetadata() {
  const t = await getTranslations("meta");
  return { title: t("title", { page: t("profile") }) };
}
export const dynamic = "force-dynamic";

export default async function BusinessProfilePage({ params }: { params: Promise<{ channelId: string }> }) {
  const user = await requirePageUser("dashboard.view");
  const { channelId } = await params;
  const numbers = await listNumbers();
  const number = numbers.find((candidate) => candidate.id === channelId);
  const t = await getTranslations("settings");
  return (
    <div className="mx-auto h-full max-w-6xl overflow-y-auto p-6">
      <NumberPicker numbers={numbers} current={channelId} section="profile" />
      <h1 className="text-lg font-semibold">{number ? t("profile.titleFor", { name: number.name }) : t("profile.title")}</h1>
      <p className="mb-4 text-sm text-slate-500">
        {t("profile.intro")}
        {!can(user.role, "settings.manage") && ` ${t("profile.adminsOnly")}`}
      </p>
      {number ? (
        <ProfileEditor channelId={number.id} numberName={number.name} canEdit={can(user.role, "settings.manage")} />
      ) : (
        <p className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-600" data-testid="unknown-number">
          {t("unknownNumber", { count: numbers.length })}
        </p>
      )}
    </div>
  );
}
