import { notFound } from "next/navigation";
import { QueryProvider } from "@/components/api/query-provider";
import { CustomerPhone } from "@/components/simulator/customer-phone";
import { config } from "@/lib/config";

export const metadata = { title: "Customer simulator · Switchboard" };
export const dynamic = "force-dynamic";

// Anyone may play the customer here: it stands in for a phone on WhatsApp, so it needs no sign-in.
export default function SimulatorPage() {
  if (config().whatsapp.mode !== "simulator") notFound();
  return (
    <QueryProvider>
      <CustomerPhone />
    </QueryProvider>
  );
}
