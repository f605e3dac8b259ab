import { notFound } from "next/navigation";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import { QueryProvider } from "@/components/api/query-provider";
import { SimulatorSwitch } from "@/components/simulator/simulator-switch";
import { config } from "@/lib/config";

export const metadata = { title: "Customer simulator · Switchboard" };
export const dynamic = "force-dynamic";

// Anyone may play the customer here: it stands in for a phone on WhatsApp or Messenger, so it needs no sign-in.
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
