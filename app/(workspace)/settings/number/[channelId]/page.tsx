import { NumberHealthView } from "@/components/settings/number/number-health-view";
import { NumberPicker } from "@/components/settings/number-picker";
import { requirePageUser } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { listNumbers } from "@/lib/whatsapp/list-numbers";

export const metadata = { title: "Number health · Switchboard" };
export const dynamic = "force-dynamic";

export default async function NumberHealthPage({ params }: { params: Promise<{ channelId: string }> }) {
  const user = await requirePageUser("dashboard.view");
  const { channelId } = await params;
  const numbers = await listNumbers();
  const number = numbers.find((candidate) => candidate.id === channelId);
  return (
    <div className="mx-auto h-full max-w-6xl overflow-y-auto p-6">
      <NumberPicker numbers={numbers} current={channelId} section="number" />
      <h1 className="text-lg font-semibold">Number health{number ? ` · ${number.name}` : ""}</h1>
      <p className="mb-4 text-sm text-slate-500">
        The number as Meta reports it — names, quality, limits, the blue tick — and everything Meta has reported about it, with what to do.
      </p>
      {number ? (
        <NumberHealthView channelId={number.id} canAct={can(user.role, "settings.manage")} />
      ) : (
        <p className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-600" data-testid="unknown-number">
          There is no WhatsApp number with this address. Pick one of the numbers above{numbers.length ? "" : " once one is connected"}.
        </p>
      )}
    </div>
  );
}
