"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { SettingsSection } from "@/lib/auth/settings-sections";

// The settings sidebar, marking the page that is open (a profile or health page of any number).
export function SettingsNav({ sections }: { sections: SettingsSection[] }) {
  const t = useTranslations("settingsNav");
  const pathname = usePathname();
  const current = (href: string) => pathname === href || pathname.startsWith(`${href.split("/").slice(0, 3).join("/")}/`);
  return (
    <nav aria-label={t("label")} className="w-48 shrink-0 overflow-y-auto border-r border-slate-200 bg-white px-3 py-4 text-sm">
      {sections.map((section) => (
        <div key={section.title} className="mb-4">
          <h2 className="mb-1 px-2 text-xs font-semibold tracking-wide text-slate-400 uppercase">{t(section.title)}</h2>
          <ul>
            {section.links.map((link) => (
              <li key={link.href}>
                <Link
                  href={link.href}
                  aria-current={current(link.href) ? "page" : undefined}
                  className="block rounded px-2 py-1 text-slate-700 hover:bg-slate-100 hover:text-slate-900 aria-[current=page]:bg-brand-50 aria-[current=page]:font-medium aria-[current=page]:text-brand-700"
                >
                  {t(link.label)}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </nav>
  );
}
