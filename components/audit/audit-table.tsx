"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type { AuditLogItem } from "@/components/api/types";
import { AuditRow } from "./audit-row";

// The events as a dense table, newest first. Each row opens on its own to show its changes.

export function AuditTable({ items, brokenEventId }: { items: AuditLogItem[]; brokenEventId: string | null }) {
  const t = useTranslations("audit");
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  return (
    <table className="w-full rounded-lg border border-slate-200 bg-white text-sm" data-testid="audit-table">
      <thead className="sticky top-0 z-10 bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
        <tr>
          <th className="w-14 px-2 py-1.5 text-right">#</th>
          <th className="px-2 py-1.5">{t("when")}</th>
          <th className="px-2 py-1.5">{t("who")}</th>
          <th className="px-2 py-1.5">{t("what")}</th>
          <th className="px-2 py-1.5">{t("target")}</th>
          <th className="px-2 py-1.5">{t("ip")}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <AuditRow
            key={item.id}
            item={item}
            open={open.has(item.id)}
            onToggle={() => toggle(item.id)}
            broken={item.id === brokenEventId}
          />
        ))}
      </tbody>
    </table>
  );
}
