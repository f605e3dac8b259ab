"use client";

import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import type { IssuedLink as Issued } from "@/lib/users/types";
import { fullDate } from "./format";

/**
 * A freshly made link, shown this once (only its hash is stored), with a Copy button. The
 * clipboard API needs a secure context; on plain http the field is selected and copied the old way.
 */
export function IssuedLink({ issued, recipient }: { issued: Issued; recipient: string }) {
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
          aria-label="Link"
          data-testid="issued-link"
          onFocus={(event) => event.target.select()}
          className="min-w-0 flex-1 rounded-md border border-slate-300 bg-slate-50 px-2 py-1.5 font-mono text-xs text-slate-700"
        />
        <Button tone="primary" onClick={() => void copy()} data-testid="copy-link">
          {copied ? "Copied" : "Copy"}
        </Button>
      </div>
      <p className="text-xs text-slate-500" role="status">
        {copied === false ? "Couldn't reach the clipboard: the link is selected, press Ctrl+C. " : ""}
        Works once, until {fullDate(issued.expiresAt)}. It won&apos;t be shown again.
      </p>
      {issued.emailed && <p className="text-xs text-emerald-700">Also e-mailed to {recipient}.</p>}
      {issued.emailProblem && <p className="text-xs text-amber-700">{issued.emailProblem}</p>}
    </div>
  );
}
