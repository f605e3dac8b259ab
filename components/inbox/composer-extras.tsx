"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useRef } from "react";
import { Button } from "@/components/ui/button";
import { PaperclipIcon } from "@/components/ui/icons";
import { FlowMenu } from "./flow-menu";

// The composer's buttons beside the text: a file to attach; on WhatsApp a Flow form and a template,
// on Messenger quick replies under the message.

export function AttachButton({ onFile }: { onFile: (file: File | null) => void }) {
  const t = useTranslations("composer");
  const fileInput = useRef<HTMLInputElement>(null);
  return (
    <>
      <input ref={fileInput} type="file" className="hidden" onChange={(event) => onFile(event.target.files?.[0] ?? null)} />
      <button
        onClick={() => fileInput.current?.click()}
        title={t("attach")}
        className="rounded-md px-2 py-2 text-slate-500 hover:bg-slate-100 max-md:min-h-11 max-md:min-w-11"
        aria-label={t("attach")}
      >
        <PaperclipIcon />
      </button>
    </>
  );
}

export function AttachmentChip({ file, onRemove }: { file: File; onRemove: () => void }) {
  const t = useTranslations("composer");
  const format = useFormatter();
  return (
    <p className="mb-1 flex items-center gap-2 text-xs text-slate-600" data-testid="attachment">
      {file.name} · {format.number(Math.ceil(file.size / 1024), { style: "unit", unit: "kilobyte" })}
      <button onClick={onRemove} className="text-slate-500 hover:text-slate-700" aria-label={t("removeAttachment")}>
        ×
      </button>
    </p>
  );
}

export function ChannelExtras({
  messenger,
  channelId,
  quickRepliesOpen,
  hasFile,
  onQuickReplies,
  onFlow,
  onTemplates,
}: {
  messenger: boolean;
  channelId: string;
  quickRepliesOpen: boolean;
  hasFile: boolean;
  onQuickReplies: () => void;
  onFlow: (flowId: string) => Promise<void>;
  onTemplates: () => void;
}) {
  const t = useTranslations("composer");
  if (messenger) {
    return (
      <Button
        onClick={onQuickReplies}
        title={t("quickRepliesTitle")}
        aria-pressed={quickRepliesOpen}
        disabled={hasFile}
        data-testid="quick-replies-button"
      >
        {t("quickReplies")}
      </Button>
    );
  }
  return (
    <>
      <FlowMenu channelId={channelId} onPick={onFlow} />
      <Button onClick={onTemplates} title={t("templateTitle")}>
        {t("template")}
      </Button>
    </>
  );
}
