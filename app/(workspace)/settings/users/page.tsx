import { getTranslations } from "next-intl/server";
import { UsersAdmin } from "@/components/users/users-admin";
import { requirePageUser } from "@/lib/auth/guards";
import { listUsers } from "@/lib/users/list-users";

export async function generateMetadata() {
  const t = await getTranslations("meta");
  return { title: t("title", { page: t("users") }) };
}
export const dynamic = "force-dynamic";

export default async function UsersPage() {
  const user = await requirePageUser("users.manage");
  return (
    <div className="mx-auto h-full max-w-6xl overflow-y-auto p-6">
      <UsersAdmin overview={await listUsers()} currentUserId={user.id} />
    </div>
  );
}
