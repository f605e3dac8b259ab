import Link from "next/link";
import { requirePageUser } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { settingsSections } from "@/lib/auth/settings-sections";
import { listNumbers } from "@/lib/whatsapp/list-numbers";

// Settings: one list of pages beside whichever is open, showing only those the role may open.
export default async function SettingsLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageUser("inbox.view");
  const firstNumber = can(user.role, "dashboard.view") ? (await listNumbers())[0] : undefined;
  const sections = settingsSections({ role: user.role, firstNumberId: firstNumber?.id ?? null });
  return (
    <div className="flex h-full">
      <nav aria-label="Settings" className="w-48 shrink-0 overflow-y-auto border-r border-slate-200 bg-white px-3 py-4 text-sm">
        {sections.map((section) => (
          <div key={section.title} className="mb-4">
            <h2 className="mb-1 px-2 text-xs font-semibold tracking-wide text-slate-400 uppercase">{section.title}</h2>
            <ul>
              {section.links.map((link) => (
                <li key={link.href}>
                  <Link href={link.href} className="block rounded px-2 py-1 text-slate-700 hover:bg-slate-100 hover:text-slate-900">
                    {link.label}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </nav>
      <div className="min-w-0 flex-1">{children}</div>
    </div>
  );
}
