"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type { BusinessMessageView, ViewButton } from "@/lib/whatsapp/business-message-view";

// A template or interactive message as WhatsApp draws it: header, body, footer, then its buttons,
// list or Flow button. Without `onTap` (the inbox) the buttons are only shown; the simulator's
// phone passes `onTap` so the customer can answer with them.

export type Tap =
  | { kind: "button"; button: ViewButton }
  | { kind: "row"; row: { id: string; title: string; description: string | null } }
  | { kind: "flow" };

export function BusinessMessage({
  view,
  mediaSrc,
  onTap,
}: {
  view: BusinessMessageView;
  // Where to load a header's file from, given its media id.
  mediaSrc?: (mediaId: string) => string;
  onTap?: (tap: Tap) => void;
}) {
  const t = useTranslations("ui");
  const [listOpen, setListOpen] = useState(false);
  const header = view.header;
  const headerSrc =
    header && header.kind !== "text" && header.kind !== "location"
      ? (header.link ?? (header.mediaId && mediaSrc ? mediaSrc(header.mediaId) : null))
      : null;

  return (
    <div className="space-y-1" data-testid="business-message">
      {header?.kind === "text" && <p className="font-semibold">{header.text}</p>}
      {header?.kind === "image" &&
        (headerSrc ? (
          // eslint-disable-next-line @next/next/no-img-element -- a template's header link or an authenticated media blob: nothing next/image can optimise
          <img src={headerSrc} alt="" className="max-h-48 rounded-md object-cover" />
        ) : (
          <Placeholder text={`📷 ${t("photo")}`} />
        ))}
      {header?.kind === "video" && <Placeholder text={`🎬 ${t("video")}`} />}
      {header?.kind === "document" && <Placeholder text={`📄 ${t("document")}`} />}
      {header?.kind === "location" && <Placeholder text={`📍 ${t("location")}`} />}
      {view.body && <p className="whitespace-pre-wrap break-words">{view.body}</p>}
      {view.footer && <p className="text-xs text-slate-500">{view.footer}</p>}

      {view.buttons.length > 0 && (
        <div className="-mx-2.5 mt-1 divide-y divide-slate-200 border-t border-slate-200">
          {view.buttons.map((button, index) => (
            <ButtonRow key={index} button={button} onTap={onTap} />
          ))}
        </div>
      )}

      {view.list && (
        <div className="-mx-2.5 mt-1 border-t border-slate-200">
          <button
            type="button"
            onClick={() => setListOpen(!listOpen)}
            className="w-full py-1.5 text-center text-sm font-medium text-wa-action"
            data-testid="business-list-button"
          >
            ☰ {view.list.button}
          </button>
          {listOpen && (
            <div className="space-y-2 px-2.5 pb-2">
              {view.list.sections.map((section, index) => (
                <div key={index}>
                  {section.title && <p className="text-[11px] font-semibold uppercase tracking-wide text-slate-500">{section.title}</p>}
                  {section.rows.map((row) => (
                    <button
                      key={row.id}
                      type="button"
                      disabled={!onTap}
                      onClick={() => onTap?.({ kind: "row", row })}
                      data-testid="business-list-row"
                      className="block w-full rounded px-1 py-1 text-left hover:bg-slate-50 disabled:cursor-default disabled:hover:bg-transparent"
                    >
                      <span className="block text-sm">{row.title}</span>
                      {row.description && <span className="block text-xs text-slate-500">{row.description}</span>}
                    </button>
                  ))}
                </div>
              ))}
            </div>
          )}
        </div>
      )}

      {view.flow && (
        <div className="-mx-2.5 mt-1 border-t border-slate-200">
          <button
            type="button"
            disabled={!onTap}
            onClick={() => onTap?.({ kind: "flow" })}
            data-testid="business-flow-cta"
            className="w-full py-1.5 text-center text-sm font-medium text-wa-action disabled:cursor-default"
          >
            ⧉ {view.flow.cta}
          </button>
        </div>
      )}
    </div>
  );
}

function ButtonRow({ button, onTap }: { button: ViewButton; onTap?: (tap: Tap) => void }) {
  const style = "block w-full py-1.5 text-center text-sm font-medium text-wa-action";
  if (button.kind === "url" && button.url) {
    return (
      <a href={button.url} target="_blank" rel="noopener noreferrer" className={style} data-testid="business-button">
        ↗ {button.title}
      </a>
    );
  }
  if (button.kind === "copy_code") {
    return (
      <button
        type="button"
        className={style}
        data-testid="business-button"
        onClick={() => button.code && void navigator.clipboard?.writeText(button.code)}
      >
        ⧉ {button.title}
      </button>
    );
  }
  const tappable = button.kind === "reply" && !!onTap;
  return (
    <button
      type="button"
      disabled={!tappable}
      onClick={() => onTap?.({ kind: "button", button })}
      data-testid="business-button"
      className={`${style} disabled:cursor-default ${button.kind === "reply" ? "" : "text-slate-500"}`}
    >
      {button.kind === "reply" ? "↩ " : ""}
      {button.title}
    </button>
  );
}

function Placeholder({ text }: { text: string }) {
  return <p className="rounded-md bg-slate-100 px-2 py-3 text-center text-xs text-slate-500">{text}</p>;
}
