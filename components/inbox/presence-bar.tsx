"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { PresenceDto } from "@/lib/conversations/types";

/** Who else has this conversation open, and who is typing a reply. */
export function PresenceBar({ presence, me }: { presence: PresenceDto | null; me: string }) {
  const t = useTranslations("inbox.presence");
  const format = useFormatter();
  const others = presence?.viewers.filter((viewer) => viewer.id !== me) ?? [];
  if (others.length === 0) return null;
  const typing = others.filter((viewer) => viewer.typing);
  const names = (viewers: { name: string }[]) => format.list(viewers.map((viewer) => viewer.name));
  return (
    <div className="flex items-center gap-2 border-b border-slate-100 bg-sky-50 px-4 py-1 text-xs text-sky-900" data-testid="presence-bar">
      <div className="flex -space-x-1">
        {others.map((viewer) => (
          <span
            key={viewer.id}
            title={viewer.name}
            className="flex h-5 w-5 items-center justify-center rounded-full border border-white bg-blue-600 text-[10px] font-semibold text-on-accent"
          >
            {initials(viewer.name)}
          </span>
        ))}
      </div>
      <span data-testid="presence-text">
        {typing.length > 0
          ? t("typing", { names: names(typing), count: typing.length })
          : t("viewing", { names: names(others), count: others.length })}
      </span>
    </div>
  );
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .map((part) => part[0] ?? "")
    .join("")
    .slice(0, 2)
    .toUpperCase();
}
