"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { GlobeIcon, MailIcon, PinIcon, StoreIcon, TagIcon, VerifiedBadge } from "@/components/ui/icons";

// The business's info screen as a customer sees it in WhatsApp, from the form as it is being
// edited, in WhatsApp's light or dark look.

export type PreviewProfile = {
  name: string;
  officialBusinessAccount: boolean;
  about: string;
  description: string;
  address: string;
  email: string;
  websites: string[];
  vertical: string;
  photoUrl: string;
};

const looks = {
  light: {
    page: "bg-[#f0f2f5] text-[#111b21]",
    card: "bg-[#ffffff]",
    muted: "text-[#667781]",
    link: "text-[#027eb5]",
    line: "border-[#e9edef]",
  },
  dark: {
    page: "bg-[#0b141a] text-[#e9edef]",
    card: "bg-[#111b21]",
    muted: "text-[#8696a0]",
    link: "text-[#53bdeb]",
    line: "border-[#222d34]",
  },
};

const modes = ["light", "dark"] as const;

export function ProfilePreview({ profile }: { profile: PreviewProfile }) {
  const t = useTranslations("profile");
  const [mode, setMode] = useState<"light" | "dark">("light");
  const look = looks[mode];
  const rows = [
    profile.vertical ? { icon: TagIcon, text: t("vertical", { vertical: profile.vertical }) } : null,
    profile.address ? { icon: PinIcon, text: profile.address } : null,
    profile.email ? { icon: MailIcon, text: profile.email, link: true } : null,
    ...profile.websites.filter(Boolean).map((site) => ({ icon: GlobeIcon, text: site, link: true })),
  ].filter((row): row is { icon: typeof TagIcon; text: string; link?: boolean } => row !== null);

  return (
    <div className="space-y-2">
      <div className="flex items-center justify-between">
        <h2 className="text-sm font-semibold">{t("whatCustomersSee")}</h2>
        <div className="flex rounded-md border border-slate-200 text-xs" role="group" aria-label={t("previewLook")}>
          {modes.map((option) => (
            <button
              key={option}
              type="button"
              aria-pressed={mode === option}
              onClick={() => setMode(option)}
              className={`px-2 py-0.5 capitalize ${mode === option ? "bg-slate-800 text-white" : "text-slate-600"}`}
            >
              {t("look", { look: option })}
            </button>
          ))}
        </div>
      </div>
      <div
        className={`w-72 overflow-hidden rounded-2xl border border-slate-300 shadow ${look.page}`}
        data-testid="profile-preview"
        data-look={mode}
      >
        <div className={`flex flex-col items-center gap-2 px-4 pb-4 pt-6 ${look.card}`}>
          {profile.photoUrl ? (
            // eslint-disable-next-line @next/next/no-img-element -- a blob: or Meta CDN address, not an optimisable asset
            <img src={profile.photoUrl} alt={t("photo")} className="h-24 w-24 rounded-full object-cover" data-testid="preview-photo" />
          ) : (
            <div className="flex h-24 w-24 items-center justify-center rounded-full bg-[#cfd7dc] text-[#ffffff]">
              <StoreIcon className="h-10 w-10" />
            </div>
          )}
          <p className="flex items-center gap-1 text-lg font-medium" data-testid="preview-name">
            {profile.name}
            {profile.officialBusinessAccount && <VerifiedBadge />}
          </p>
          <p className={`text-xs ${look.muted}`}>{profile.officialBusinessAccount ? t("officialAccount") : t("businessAccount")}</p>
        </div>
        <div className={`mt-2 px-4 py-3 text-sm ${look.card}`}>
          <p data-testid="preview-about">{profile.about || <span className={look.muted}>{t("noAbout")}</span>}</p>
        </div>
        {profile.description && (
          <div className={`mt-2 whitespace-pre-wrap px-4 py-3 text-sm ${look.card}`} data-testid="preview-description">
            {profile.description}
          </div>
        )}
        {rows.length > 0 && (
          <ul className={`mt-2 text-sm ${look.card}`}>
            {rows.map((row, index) => (
              <li key={index} className={`flex gap-3 border-b px-4 py-2 last:border-0 ${look.line}`}>
                <row.icon className={`mt-0.5 h-4 w-4 shrink-0 ${look.muted}`} />
                <span className={`min-w-0 break-words ${row.link ? look.link : ""}`}>{row.text}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
