import { RateCardEditor } from "@/components/settings/rate-card-editor";
import { requirePageUser } from "@/lib/auth/guards";
import { listRates } from "@/lib/billing/rate-card";

export const metadata = { title: "Rate card · Switchboard" };
export const dynamic = "force-dynamic";

export default async function RateCardPage() {
  await requirePageUser("settings.manage");
  return (
    <div className="mx-auto h-full max-w-3xl overflow-y-auto p-6">
      <h1 className="text-lg font-semibold">Rate card</h1>
      <p className="mb-4 text-sm text-slate-500">
        What Meta charges per delivered template, by category and the customer&apos;s country calling code. Meta&apos;s webhooks carry no
        prices, so keep this in step with Meta&apos;s published rates; the template picker estimates each send&apos;s cost from it. Use *
        for every country not listed.
      </p>
      <RateCardEditor initial={await listRates()} />
    </div>
  );
}
