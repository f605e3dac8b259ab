import { ProfileEditor } from "@/components/settings/profile/profile-editor";
import { NumberPicker } from "@/components/settings/number-picker";
import { requirePageUser } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { listNumbers } from "@/lib/whatsapp/list-numbers";

export const metadata = { title: "Business profile · Switchboard" };
export const dynamic = "force-dynamic";

export default async function BusinessProfilePage({ params }: { params: Promise<{ channelId: string }> }) {
  const user = await requirePageUser("dashboard.view");
  const { channelId } = await params;
  const numbers = await listNumbers();
  const number = numbers.find((candidate) => candidate.id === channelId);
  return (
    <div className="mx-auto h-full max-w-6xl overflow-y-auto p-6">
      <NumberPicker numbers={numbers} current={channelId} section="profile" />
      <h1 className="text-lg font-semibold">Business profile{number ? ` · ${number.name}` : ""}</h1>
      <p className="mb-4 text-sm text-slate-500">
        What customers see when they open the business&apos;s info in WhatsApp. Every save is kept as a version you can restore, and a
        change made in WhatsApp Manager or another tool is noticed here.
        {!can(user.role, "settings.manage") && " Only admins can change it."}
      </p>
      {number ? (
        <ProfileEditor channelId={number.id} numberName={number.name} canEdit={can(user.role, "settings.manage")} />
      ) : (
        <p className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-600" data-testid="unknown-number">
          There is no WhatsApp number with this address. Pick one of the numbers above{numbers.length ? "" : " once one is connected"}.
        </p>
      )}
    </div>
  );
}
