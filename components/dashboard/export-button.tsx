"use client";

import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { statsExportUrl, type StatsParams } from "@/components/api/client";
import { useMessageStats } from "@/components/api/hooks";
import { Button } from "@/components/ui/button";
import type { Formats } from "./format";

// "Export all messages": one CSV row per message in the range and filters, read as it streams so
// the manager sees rows and bytes arrive, then saved as a file. Cancel stops the download. The
// dashboard's totals (queued + sent + failed) say about how many rows to expect; the export also
// holds discarded sends, so the bar stops short of full until the last byte is in.

type Progress = { state: "idle" } | { state: "running" | "done"; bytes: number; rows: number } | { state: "failed"; text: string };

export function ExportButton({ params, format }: { params: StatsParams; format: Formats }) {
  const t = useTranslations("dashboard");
  const [progress, setProgress] = useState<Progress>({ state: "idle" });
  const abort = useRef<AbortController | null>(null);
  const totals = useMessageStats(params).data?.totals;
  const expected = totals ? totals.queued + totals.sent + totals.failed : null;

  async function run() {
    const controller = new AbortController();
    abort.current = controller;
    setProgress({ state: "running", bytes: 0, rows: 0 });
    try {
      const response = await fetch(statsExportUrl(params), { signal: controller.signal, cache: "no-store" });
      if (!response.ok || !response.body) throw new Error(t("exportRefused", { status: response.status }));
      const reader = response.body.getReader();
      const chunks: Uint8Array<ArrayBuffer>[] = [];
      let bytes = 0;
      let lines = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        bytes += value.byteLength;
        for (const byte of value) if (byte === 10) lines += 1;
        // The first line is the header.
        setProgress({ state: "running", bytes, rows: Math.max(0, lines - 1) });
      }
      save(new Blob(chunks, { type: "text/csv" }), `messages-${params.from.slice(0, 10)}-${params.to.slice(0, 10)}.csv`);
      setProgress({ state: "done", bytes, rows: Math.max(0, lines - 1) });
    } catch (error) {
      if (controller.signal.aborted) setProgress({ state: "idle" });
      else setProgress({ state: "failed", text: error instanceof Error ? error.message : t("exportStopped") });
    } finally {
      abort.current = null;
    }
  }

  const size = (bytes: number) => `${format.count(Math.round(bytes / 1024))} KB`;
  return (
    <div className="flex items-center gap-2 text-xs text-slate-600" data-testid="export">
      {progress.state === "running" ? (
        <Button size="sm" onClick={() => abort.current?.abort()}>
          {t("cancelExport")}
        </Button>
      ) : (
        <Button size="sm" onClick={() => void run()} data-testid="export-all">
          {t("exportAll")}
        </Button>
      )}
      {progress.state === "running" && expected ? (
        <progress
          className="h-1.5 w-24 accent-emerald-600"
          max={expected}
          value={Math.min(progress.rows, expected * 0.99)}
          aria-label={t("exportAll")}
        />
      ) : null}
      <span aria-live="polite" data-testid="export-progress">
        {progress.state === "running" &&
          (expected
            ? t("exportRunningOf", { rows: format.count(progress.rows), total: format.count(expected), size: size(progress.bytes) })
            : t("exportRunning", { rows: format.count(progress.rows), size: size(progress.bytes) }))}
        {progress.state === "done" && t("exportDone", { rows: format.count(progress.rows), size: size(progress.bytes) })}
        {progress.state === "failed" && <span className="text-red-700">{progress.text}</span>}
      </span>
    </div>
  );
}

function save(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
