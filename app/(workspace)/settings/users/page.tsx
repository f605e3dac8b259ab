import { UsersAdmin } from "@/components/users/users-admin";
import { requirePageUser } from "@/lib/auth/guards";
import { listUsers } from "@/lib/users/list-users";

export const metadata = { title: "Users · Switchboard" };
export const dynamic = "force-dynamic";

export default async function UsersPage() {
  const user = await requirePageUser("users.manage");
  return (
    <div className="mx-auto h-full max-w-6xl overflow-y-auto p-6">
      <UsersAdmin overview={await listUsers()} currentUserId={user.id} />
    </div>
  );
}
