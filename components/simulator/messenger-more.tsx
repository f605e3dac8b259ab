"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type { MessengerSimEvent } from "@/components/api/types";

// The Messenger phone's "more" panel: everything a customer does beyond typing — a file (or a
// reel), a sticker, a shared link, a button tap (postback), arriving from an m.me link or an ad —
// and the Page inbox replying "from another tool", which Switchboard learns of only by its echo.

export type SendMessengerEvent = (event: MessengerSimEvent) => Promise<boolean>;

const field = "w-full rounded border border-slate-300 px-2 py-1 text-xs";
const send = "rounded-full bg-[#0866ff] px-3 py-1 text-xs font-semibold text-on-accent disabled:opacity-50";

export function MessengerMore({ onSend, busy }: { onSend: SendMessengerEvent; busy: boolean }) {
  const t = useTranslations("simulator");
  const [file, setFile] = useState<File | null>(null);
  const [reel, setReel] = useState(false);
  const [url, setUrl] = useState("https://northwind.example/oak-desk");
  const [ref, setRef] = useState("spring-sale");
  const [ad, setAd] = useState(false);
  const [button, setButton] = useState("Get Started");
  const [pageReply, setPageReply] = useState("");

  async function sendFile() {
    if (!file) return;
    const base64 = await new Promise<string>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""));
      reader.onerror = () => reject(reader.error);
      reader.readAsDataURL(file);
    });
    if (await onSend({ kind: "file", reel, file: { name: file.name, mimeType: file.type || "application/octet-stream", base64 } }))
      setFile(null);
  }

  return (
    <div className="grid grid-cols-2 gap-2 border-t border-slate-200 bg-white px-3 py-2 text-xs" data-testid="sim-messenger-more">
      <fieldset className="space-y-1">
        <legend className="font-semibold text-slate-600">{t("messenger.aFile")}</legend>
        <input
          type="file"
          data-testid="sim-m-file"
          onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          className="w-full text-xs"
        />
        <label className="flex items-center gap-1">
          <input type="checkbox" checked={reel} onChange={(event) => setReel(event.target.checked)} /> {t("messenger.asReel")}
        </label>
        <div className="flex gap-1">
          <button type="button" className={send} disabled={busy || !file} onClick={() => void sendFile()}>
            {t("more.sendFile")}
          </button>
          <button
            type="button"
            className={send}
            disabled={busy}
            onClick={() => void onSend({ kind: "sticker" })}
            data-testid="sim-m-sticker"
          >
            {t("messenger.sticker")}
          </button>
        </div>
      </fieldset>
      <fieldset className="space-y-1">
        <legend className="font-semibold text-slate-600">{t("messenger.shareLink")}</legend>
        <input className={field} value={url} onChange={(event) => setUrl(event.target.value)} aria-label={t("messenger.link")} />
        <button
          type="button"
          className={send}
          disabled={busy || !url}
          onClick={() => void onSend({ kind: "link", url })}
          data-testid="sim-m-link"
        >
          {t("messenger.share")}
        </button>
      </fieldset>
      <fieldset className="space-y-1">
        <legend className="font-semibold text-slate-600">{t("messenger.arriveFrom")}</legend>
        <input className={field} value={ref} onChange={(event) => setRef(event.target.value)} aria-label={t("messenger.ref")} />
        <label className="flex items-center gap-1">
          <input type="checkbox" checked={ad} onChange={(event) => setAd(event.target.checked)} /> {t("messenger.fromAd")}
        </label>
        <button
          type="button"
          className={send}
          disabled={busy || !/^[\w=-]+$/.test(ref)}
          onClick={() => void onSend({ kind: "referral", ref, source: ad ? "ADS" : "SHORTLINK" })}
          data-testid="sim-m-referral"
        >
          {t("messenger.open", { link: `m.me/northwind?ref=${ref}` })}
        </button>
      </fieldset>
      <fieldset className="space-y-1">
        <legend className="font-semibold text-slate-600">{t("messenger.postback")}</legend>
        <input
          className={field}
          value={button}
          onChange={(event) => setButton(event.target.value)}
          aria-label={t("messenger.buttonTitle")}
          maxLength={20}
        />
        <button
          type="button"
          className={send}
          disabled={busy || !button.trim()}
          onClick={() => void onSend({ kind: "postback", title: button.trim(), payload: button.trim().toUpperCase().replace(/\W+/g, "_") })}
          data-testid="sim-m-postback"
        >
          {t("messenger.tap")}
        </button>
      </fieldset>
      <fieldset className="col-span-2 space-y-1">
        <legend className="font-semibold text-slate-600">{t("messenger.pageRepliesElsewhere")}</legend>
        <div className="flex gap-1">
          <input
            className={field}
            value={pageReply}
            onChange={(event) => setPageReply(event.target.value)}
            aria-label={t("messenger.pageReply")}
            data-testid="sim-m-page-reply"
          />
          <button
            type="button"
            className={send}
            disabled={busy || !pageReply.trim()}
            onClick={async () => (await onSend({ kind: "page_reply", text: pageReply.trim() })) && setPageReply("")}
            data-testid="sim-m-page-reply-send"
          >
            {t("messenger.replyAsPage")}
          </button>
        </div>
      </fieldset>
    </div>
  );
}
