"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState } from "react";
import type { SettingsSection } from "@/lib/auth/settings-sections";

// The settings sidebar, marking the page that is open (a profile or health page of any number).
// Below 768 px it sits above the page, folded to the open page's name.
export function SettingsNav({ sections }: { sections: SettingsSection[] }) {
  const t = useTranslations("settingsNav");
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const current = (href: string) => pathname === href || pathname.startsWith(`${href.split("/").slice(0, 3).join("/")}/`);
  const here = sections.flatMap((section) => section.links).find((link) => current(link.href));
  return (
    <nav
      aria-label={t("label")}
      className="shrink-0 overflow-y-auto border-b border-slate-200 bg-white px-3 py-2 text-sm md:w-48 md:border-r md:border-b-0 md:py-4"
    >
      <button
        type="button"
        onClick={() => setOpen(!open)}
        aria-expanded={open}
        aria-controls="settings-links"
        data-testid="settings-nav-toggle"
        className="flex min-h-11 w-full items-center justify-between rounded px-2 font-medium text-slate-800 hover:bg-slate-100 md:hidden"
      >
        {t(here?.label ?? sections[0]?.title ?? "label")}
        <svg viewBox="0 0 20 20" className={`h-4 w-4 transition-transform ${open ? "rotate-180" : ""}`} aria-hidden>
          <path d="m5 8 5 5 5-5" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
        </svg>
      </button>
      <div id="settings-links" className={`${open ? "block" : "hidden"} pt-2 md:block md:pt-0`}>
        {sections.map((section) => (
          <div key={section.title} className="mb-4">
            <h2 className="mb-1 px-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">{t(section.title)}</h2>
            <ul>
              {section.links.map((link) => (
                <li key={link.href}>
                  <Link
                    href={link.href}
                    onClick={() => setOpen(false)}
                    aria-current={current(link.href) ? "page" : undefined}
                    className="block rounded px-2 py-1 text-slate-700 hover:bg-slate-100 hover:text-slate-900 aria-[current=page]:bg-brand-50 aria-[current=page]:font-medium aria-[current=page]:text-brand-700 max-md:py-2.5"
                  >
                    {t(link.label)}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
    </nav>
  );
}
