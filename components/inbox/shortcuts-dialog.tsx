"use client";

import { useTranslations } from "next-intl";
import { Dialog } from "@/components/ui/dialog";

// The keys use-inbox-keys.ts and the composer listen for, and what each does (thread.shortcuts).
export const shortcuts = [
  ["j / k", "next"],
  ["r", "reply"],
  ["n", "note"],
  ["e", "resolve"],
  ["a", "assign"],
  ["/", "search"],
  ["Enter", "send"],
  ["Esc", "close"],
  ["?", "help"],
] as const;

export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useTranslations("thread.shortcuts");
  return (
    <Dialog open={open} onClose={onClose} title={t("title")}>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm" data-testid="shortcuts">
        {shortcuts.map(([keys, action]) => (
          <div key={keys} className="contents">
            <dt>
              <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs">{keys}</kbd>
            </dt>
            <dd className="text-slate-700">{t(action)}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}
