"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef } from "react";

// A modal on the native <dialog>: focus is trapped and Escape closes it, for free.
export function Dialog({
  open,
  onClose,
  title,
  children,
  width = "max-w-md",
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  children: React.ReactNode;
  width?: string;
}) {
  const t = useTranslations("common");
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      onClose={onClose}
      onClick={(event) => event.target === ref.current && onClose()}
      aria-labelledby={open ? titleId : undefined}
      className={`m-auto w-full ${width} rounded-xl border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-black/40`}
    >
      {open && (
        <div className="p-4 md:p-5">
          <h2 id={titleId} className="mb-3 pr-10 text-base font-semibold">
            {title}
          </h2>
          {children}
          {/* Last in the tab order, so opening the dialog still focuses its first field; a phone has no Escape key. */}
          <button
            type="button"
            onClick={onClose}
            aria-label={t("close")}
            className="absolute right-2 top-2 inline-flex h-9 w-9 items-center justify-center rounded-md text-lg text-slate-500 hover:bg-slate-100 max-md:h-11 max-md:w-11"
          >
            ×
          </button>
        </div>
      )}
    </dialog>
  );
}
