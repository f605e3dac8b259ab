"use client";

import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { useDates } from "@/components/i18n/use-dates";
import { Button } from "@/components/ui/button";
import type { IssuedLink as Issued } from "@/lib/users/types";

/**
 * A freshly made link, shown this once (only its hash is stored), with a Copy button. The
 * clipboard API needs a secure context; on plain http the field is selected and copied the old way.
 */
export function IssuedLink({ issued, recipient }: { issued: Issued; recipient: string }) {
  const t = useTranslations("users");
  const dates = useDates();
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<boolean | null>(null);

  async function copy() {
    field.current?.select();
    try {
      await navigator.clipboard.writeText(issued.link);
      setCopied(true);
    } catch {
      setCopied(document.execCommand("copy"));
    }
  }

  return (
    <div className="space-y-2 text-sm">
      <div className="flex gap-2">
        <input
          ref={field}
          readOnly
          value={issued.link}
          aria-label={t("link")}
          data-testid="issued-link"
          onFocus={(event) => event.target.select()}
          className="min-w-0 flex-1 rounded-md border border-slate-300 bg-slate-50 px-2 py-1.5 font-mono text-xs text-slate-700"
        />
        <Button tone="primary" onClick={() => void copy()} data-testid="copy-link">
          {copied ? t("copied") : t("copy")}
        </Button>
      </div>
      <p className="text-xs text-slate-500" role="status">
        {copied === false ? `${t("clipboardFailed")} ` : ""}
        {t("worksOnce", { until: dates.full(issued.expiresAt) })}
      </p>
      {issued.emailed && <p className="text-xs text-emerald-700">{t("alsoEmailed", { recipient })}</p>}
      {issued.emailFailed && <p className="text-xs text-amber-700">{t("emailFailed")}</p>}
    </div>
  );
}
