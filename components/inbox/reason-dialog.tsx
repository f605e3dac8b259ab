"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";

// Trust-and-safety actions ask why: the reason goes into the audit trail.
export function ReasonDialog({
  open,
  title,
  explanation,
  confirm,
  tone = "danger",
  onCancel,
  onConfirm,
}: {
  open: boolean;
  title: string;
  explanation: string;
  confirm: string;
  tone?: "danger" | "primary";
  onCancel: () => void;
  onConfirm: (reason: string) => Promise<void>;
}) {
  const t = useTranslations("inbox.reason");
  const commonText = useTranslations("common");
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (reason.trim().length < 3) return setError(t("tooShort"));
    setBusy(true);
    setError(null);
    try {
      await onConfirm(reason.trim());
      setReason("");
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open={open} onClose={onCancel} title={title}>
      <form onSubmit={submit} className="space-y-3" data-testid="reason-dialog">
        <p className="text-sm text-slate-600">{explanation}</p>
        <label className="block text-sm">
          <span className="mb-1 block font-medium text-slate-700">{t("label")}</span>
          <textarea
            autoFocus
            data-testid="reason-input"
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            rows={3}
            maxLength={500}
            className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-brand-500"
          />
        </label>
        {error && (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-1.5 text-sm text-red-700">
            {error}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <Button onClick={onCancel}>{commonText("cancel")}</Button>
          <Button type="submit" tone={tone} disabled={busy}>
            {busy ? commonText("working") : confirm}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
