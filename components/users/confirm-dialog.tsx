"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { DialogFooter } from "./dialog-footer";
import { Dialog } from "@/components/ui/dialog";

/** Asks before something that can't simply be undone; shows the server's refusal in place. */
export function ConfirmDialog({
  title,
  body,
  confirm,
  onConfirm,
  onClose,
}: {
  title: string;
  body: React.ReactNode;
  confirm: string;
  onConfirm: () => Promise<void>;
  onClose: () => void;
}) {
  const t = useTranslations("common");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function run() {
    setPending(true);
    setError(null);
    try {
      await onConfirm();
    } catch (caught) {
      setError((caught as Error).message);
      setPending(false);
    }
  }

  return (
    <Dialog open onClose={onClose} title={title}>
      <div className="space-y-4 text-sm" data-testid="confirm-dialog">
        <div className="text-slate-600">{body}</div>
        <DialogFooter error={error} onCancel={onClose}>
          <Button tone="danger" disabled={pending} onClick={() => void run()}>
            {pending ? t("working") : confirm}
          </Button>
        </DialogFooter>
      </div>
    </Dialog>
  );
}
