"use client";

import type { ProfileVersion } from "@/components/api/types";
import { Button } from "@/components/ui/button";
import { ProfileChanges } from "./profile-changes";

// Every saved version, newest first: who saved it, when, from where, and what changed; admins can
// restore any earlier one.

const when = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

export function ProfileHistory({
  versions,
  canRestore,
  busy,
  onRestore,
}: {
  versions: ProfileVersion[];
  canRestore: boolean;
  busy: boolean;
  onRestore: (versionId: string) => void;
}) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white" data-testid="profile-history">
      <h2 className="border-b border-slate-100 px-4 py-2 text-sm font-semibold">History</h2>
      {versions.length === 0 && <p className="px-4 py-3 text-sm text-slate-500">No saved versions yet.</p>}
      <ol>
        {versions.map((version, index) => (
          <li
            key={version.id}
            className="flex items-start gap-4 border-b border-slate-100 px-4 py-2 last:border-0"
            data-testid="profile-version"
          >
            <div className="min-w-0 flex-1 space-y-1">
              <p className="text-sm">
                <span className="font-medium">{version.savedBy}</span>{" "}
                <span className="text-slate-500">
                  · {when.format(new Date(version.savedAt))} · {version.source === "meta" ? "from WhatsApp" : "saved in Switchboard"}
                </span>
                {index === 0 && <span className="ml-2 rounded bg-emerald-50 px-1.5 text-xs text-emerald-700">current</span>}
              </p>
              <ProfileChanges changes={version.changes} />
            </div>
            {canRestore && index > 0 && (
              <Button size="sm" disabled={busy} onClick={() => onRestore(version.id)}>
                Restore
              </Button>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
