import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import { QueryProvider } from "@/components/api/query-provider";
import { SimulatorSwitch } from "@/components/simulator/simulator-switch";
import { config } from "@/lib/config";

export async function generateMetadata() {
  const t = await getTranslations();
  return { title: t("meta.title", { page: t("simulator.title") }) };
}
export const dynamic = "force-dynamic";

// Anyone may play the customer here: it stands in for a phone on WhatsApp or Messenger, so it needs no sign-in.
// Its controls speak the language of the request, as every page does (the root layout's provider).
export default function SimulatorPage() {
  if (config().whatsapp.mode !== "simulator") notFound();
  return (
    <QueryProvider>
      <NuqsAdapter>
        <SimulatorSwitch />
      </NuqsAdapter>
    </QueryProvider>
  );
}
