import { getTranslations } from "next-intl/server";
import { ChannelsAdmin } from "@/components/channels/channels-admin";
import { requirePageUser } from "@/lib/auth/guards";
import { listChannels } from "@/lib/channels/list-channels";
import { config } from "@/lib/config";

export async function generateMetadata() {
  const t = await getTranslations("meta");
  return { title: t("title", { page: t("channels") }) };
}
export const dynamic = "force-dynamic";

export default async function ChannelsPage() {
  const user = await requirePageUser("settings.manage");
  const { items } = await listChannels({ user });
  return (
    <div className="mx-auto h-full max-w-5xl overflow-y-auto p-6">
      <ChannelsAdmin
        channels={items}
        webhookUrl={`${config().publicUrl}/api/webhooks/whatsapp`}
        pageWebhookUrl={`${config().publicUrl}/api/webhooks/messenger`}
      />
    </div>
  );
}
