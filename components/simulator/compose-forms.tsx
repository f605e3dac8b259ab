"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

// The forms behind the customer phone's "more" menu: each builds one message kind the
// simulator's API accepts (lib/simulator/customer-message.ts) and hands it to onSend.

export type SendCustomerMessage = (message: Record<string, unknown>) => Promise<boolean>;
type FormProps = { onSend: SendCustomerMessage; busy: boolean };

const input = "w-full rounded border border-slate-300 px-2 py-1 text-xs";
const label = "block space-y-0.5 text-[11px] font-medium text-slate-600";

function SendButton({ busy, children }: { busy: boolean; children: React.ReactNode }) {
  return (
    <button
      type="submit"
      disabled={busy}
      className="rounded-full bg-[#008069] px-3 py-1 text-xs font-semibold text-on-accent disabled:opacity-50"
    >
      {children}
    </button>
  );
}

function Field({ name, children }: { name: string; children: React.ReactNode }) {
  return (
    <label className={label}>
      <span>{name}</span>
      {children}
    </label>
  );
}

const mediaKinds = ["image", "video", "audio", "voice", "document", "sticker"] as const;

export function MediaForm({ onSend, busy }: FormProps) {
  const t = useTranslations("simulator.more");
  const [kind, setKind] = useState<(typeof mediaKinds)[number]>("image");
  const [file, setFile] = useState<File | null>(null);
  const [caption, setCaption] = useState("");
  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!file) return;
    const base64 = await toBase64(file);
    const withCaption = ["image", "video", "document"].includes(kind) && caption ? { caption } : {};
    const sent = await onSend({
      kind,
      file: { name: file.name, mimeType: file.type || "application/octet-stream", base64 },
      ...withCaption,
    });
    if (sent) setCaption("");
  }
  return (
    <form onSubmit={submit} className="grid grid-cols-2 gap-2" data-testid="sim-media-form">
      <Field name={t("kind")}>
        <select
          value={kind}
          onChange={(event) => setKind(event.target.value as typeof kind)}
          className={input}
          data-testid="sim-media-kind"
        >
          {mediaKinds.map((value) => (
            <option key={value} value={value}>
              {t("mediaKind", { kind: value })}
            </option>
          ))}
        </select>
      </Field>
      <Field name={t("file")}>
        <input
          type="file"
          onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          className="w-full text-xs"
          data-testid="sim-media-file"
        />
      </Field>
      <Field name={t("caption")}>
        <input
          value={caption}
          onChange={(event) => setCaption(event.target.value)}
          className={input}
          disabled={!["image", "video", "document"].includes(kind)}
        />
      </Field>
      <div className="flex items-end justify-end">
        <SendButton busy={busy || !file}>{t("sendFile")}</SendButton>
      </div>
    </form>
  );
}

function toBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

export function LocationForm({ onSend, busy }: FormProps) {
  const t = useTranslations("simulator.more");
  const [place, setPlace] = useState({ latitude: "52.5219", longitude: "13.4132", placeName: "Alexanderplatz", address: "10178 Berlin" });
  const set = (key: keyof typeof place) => (event: React.ChangeEvent<HTMLInputElement>) =>
    setPlace({ ...place, [key]: event.target.value });
  return (
    <form
      className="grid grid-cols-2 gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        void onSend({
          kind: "location",
          latitude: Number(place.latitude),
          longitude: Number(place.longitude),
          placeName: place.placeName || undefined,
          address: place.address || undefined,
        });
      }}
    >
      <Field name={t("latitude")}>
        <input value={place.latitude} onChange={set("latitude")} className={input} inputMode="decimal" />
      </Field>
      <Field name={t("longitude")}>
        <input value={place.longitude} onChange={set("longitude")} className={input} inputMode="decimal" />
      </Field>
      <Field name={t("placeName")}>
        <input value={place.placeName} onChange={set("placeName")} className={input} />
      </Field>
      <Field name={t("address")}>
        <input value={place.address} onChange={set("address")} className={input} />
      </Field>
      <div className="col-span-2 flex justify-end">
        <SendButton busy={busy}>{t("sendLocation")}</SendButton>
      </div>
    </form>
  );
}

export function ContactForm({ onSend, busy }: FormProps) {
  const t = useTranslations("simulator");
  const [card, setCard] = useState({ name: "Ina Berg", phone: "+49 30 1234567", email: "ina@example.com", org: "Berg GmbH" });
  const set = (key: keyof typeof card) => (event: React.ChangeEvent<HTMLInputElement>) => setCard({ ...card, [key]: event.target.value });
  return (
    <form
      className="grid grid-cols-2 gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        void onSend({
          kind: "contacts",
          contacts: [
            { name: card.name, phones: card.phone ? [card.phone] : [], emails: card.email ? [card.email] : [], org: card.org || undefined },
          ],
        });
      }}
    >
      <Field name={t("name")}>
        <input value={card.name} onChange={set("name")} className={input} required />
      </Field>
      <Field name={t("more.phone")}>
        <input value={card.phone} onChange={set("phone")} className={input} />
      </Field>
      <Field name={t("more.email")}>
        <input value={card.email} onChange={set("email")} className={input} />
      </Field>
      <Field name={t("more.company")}>
        <input value={card.org} onChange={set("org")} className={input} />
      </Field>
      <div className="col-span-2 flex justify-end">
        <SendButton busy={busy}>{t("more.sendContact")}</SendButton>
      </div>
    </form>
  );
}

const replyKinds = ["button_reply", "list_reply", "quick_reply"] as const;

export function ReplyForm({ onSend, busy }: FormProps) {
  const t = useTranslations("simulator.more");
  const [kind, setKind] = useState<(typeof replyKinds)[number]>("button_reply");
  const [title, setTitle] = useState("Yes, please");
  const [id, setId] = useState("confirm");
  const [description, setDescription] = useState("");
  return (
    <form
      className="grid grid-cols-2 gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        if (kind === "quick_reply") void onSend({ kind, text: title, payload: id });
        else void onSend({ kind, id, title, ...(kind === "list_reply" && description ? { description } : {}) });
      }}
    >
      <Field name={t("replyTo")}>
        <select value={kind} onChange={(event) => setKind(event.target.value as typeof kind)} className={input}>
          {replyKinds.map((value) => (
            <option key={value} value={value}>
              {t("replyKind", { kind: value })}
            </option>
          ))}
        </select>
      </Field>
      <Field name={kind === "quick_reply" ? t("buttonText") : t("title")}>
        <input value={title} onChange={(event) => setTitle(event.target.value)} className={input} maxLength={24} required />
      </Field>
      <Field name={kind === "quick_reply" ? t("payload") : t("id")}>
        <input value={id} onChange={(event) => setId(event.target.value)} className={input} required />
      </Field>
      <Field name={t("description")}>
        <input
          value={description}
          onChange={(event) => setDescription(event.target.value)}
          className={input}
          disabled={kind !== "list_reply"}
          maxLength={72}
        />
      </Field>
      <div className="col-span-2 flex justify-end">
        <SendButton busy={busy}>{t("tapIt")}</SendButton>
      </div>
    </form>
  );
}
