import { SettingsNav } from "@/components/workspace/settings-nav";
import { requirePageUser } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { settingsSections } from "@/lib/auth/settings-sections";
import { listNumbers } from "@/lib/whatsapp/list-numbers";

// Settings: one list of pages beside whichever is open, showing only those the role may open.
export default async function SettingsLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageUser("inbox.view");
  const firstNumber = can(user.role, "dashboard.view") ? (await listNumbers())[0] : undefined;
  return (
    <div className="flex h-full flex-col md:flex-row">
      <SettingsNav sections={settingsSections({ role: user.role, firstNumberId: firstNumber?.id ?? null })} />
      <main className="min-h-0 min-w-0 flex-1">{children}</main>
    </div>
  );
}
