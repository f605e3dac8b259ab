import { AssignmentEditor } from "@/components/settings/assignment-editor";
import { requirePageUser } from "@/lib/auth/guards";
import { assignmentSettings } from "@/lib/conversations/assignment-settings";

export const metadata = { title: "Assignment · Switchboard" };
export const dynamic = "force-dynamic";

export default async function AssignmentPage() {
  await requirePageUser("settings.manage");
  return (
    <div className="mx-auto h-full max-w-3xl overflow-y-auto p-6">
      <h1 className="text-lg font-semibold">Assignment</h1>
      <p className="mb-4 text-sm text-slate-500">
        With round-robin on, each new conversation goes to the online agent with the fewest open conversations, as long as they are under
        their cap. When everyone is at their cap, it waits in Unassigned.
      </p>
      <AssignmentEditor initial={await assignmentSettings()} />
    </div>
  );
}
