"use client";

import { Dialog } from "@/components/ui/dialog";

export const shortcuts: [string, string][] = [
  ["j / k", "Next / previous conversation"],
  ["r", "Reply"],
  ["n", "Write a private note"],
  ["e", "Resolve (or reopen)"],
  ["a", "Assign"],
  ["/", "Search"],
  ["Enter", "Send (Shift+Enter: new line)"],
  ["Esc", "Close menus and dialogs"],
  ["?", "These shortcuts"],
];

export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} onClose={onClose} title="Keyboard shortcuts">
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm" data-testid="shortcuts">
        {shortcuts.map(([keys, action]) => (
          <div key={keys} className="contents">
            <dt>
              <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs">{keys}</kbd>
            </dt>
            <dd className="text-slate-700">{action}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}
