import { getTranslations } from "next-intl/server";
import { NoConversation } from "@/components/inbox/no-conversation";
import { requirePageUser } from "@/lib/auth/guards";

export async function generateMetadata() {
  const t = await getTranslations();
  return { title: t("meta.title", { page: t("workspace.inbox") }) };
}
export const dynamic = "force-dynamic";

export default async function InboxPage() {
  await requirePageUser("inbox.view");
  return <NoConversation />;
}
