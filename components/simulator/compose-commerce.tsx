"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type { SendCustomerMessage } from "./compose-forms";

// Forms for a Flow submission (an appointment booking), a catalog order and a first message that
// came from a click-to-WhatsApp ad.

type FormProps = { onSend: SendCustomerMessage; busy: boolean };

const input = "w-full rounded border border-slate-300 px-2 py-1 text-xs";

function Row({ name, children }: { name: string; children: React.ReactNode }) {
  return (
    <label className="block space-y-0.5 text-[11px] font-medium text-slate-600">
      <span>{name}</span>
      {children}
    </label>
  );
}

function SendButton({ busy, label }: { busy: boolean; label: string }) {
  return (
    <div className="col-span-2 flex justify-end">
      <button
        type="submit"
        disabled={busy}
        className="rounded-full bg-[#008069] px-3 py-1 text-xs font-semibold text-on-accent disabled:opacity-50"
      >
        {label}
      </button>
    </div>
  );
}

export function FlowForm({ onSend, busy }: FormProps) {
  const t = useTranslations("simulator.more");
  const [booking, setBooking] = useState({
    appointment_date: "2026-05-04",
    appointment_time: "10:30",
    party_size: "2",
    notes: "Showroom visit",
  });
  const set = (key: keyof typeof booking) => (event: React.ChangeEvent<HTMLInputElement>) =>
    setBooking({ ...booking, [key]: event.target.value });
  return (
    <form
      className="grid grid-cols-2 gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        void onSend({ kind: "flow", response: { ...booking, party_size: Number(booking.party_size) || booking.party_size } });
      }}
    >
      <Row name={t("date")}>
        <input type="date" value={booking.appointment_date} onChange={set("appointment_date")} className={input} />
      </Row>
      <Row name={t("time")}>
        <input type="time" value={booking.appointment_time} onChange={set("appointment_time")} className={input} />
      </Row>
      <Row name={t("people")}>
        <input value={booking.party_size} onChange={set("party_size")} className={input} inputMode="numeric" />
      </Row>
      <Row name={t("notes")}>
        <input value={booking.notes} onChange={set("notes")} className={input} />
      </Row>
      <SendButton busy={busy} label={t("submitForm")} />
    </form>
  );
}

type Line = { productId: string; quantity: string; price: string };

export function OrderForm({ onSend, busy }: FormProps) {
  const t = useTranslations("simulator.more");
  const [lines, setLines] = useState<Line[]>([
    { productId: "DESK-OAK-160", quantity: "1", price: "499" },
    { productId: "CHAIR-ERGO", quantity: "2", price: "129.50" },
  ]);
  const [currency, setCurrency] = useState("EUR");
  const [text, setText] = useState("");
  const update = (index: number, key: keyof Line) => (event: React.ChangeEvent<HTMLInputElement>) =>
    setLines(lines.map((line, position) => (position === index ? { ...line, [key]: event.target.value } : line)));
  return (
    <form
      className="grid grid-cols-2 gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        const items = lines
          .filter((line) => line.productId.trim())
          .map((line) => ({
            productId: line.productId.trim(),
            quantity: Number(line.quantity) || 1,
            price: Number(line.price) || 0,
            currency,
          }));
        void onSend({ kind: "order", items, text: text || undefined });
      }}
    >
      <div className="col-span-2 space-y-1">
        {lines.map((line, index) => (
          <div key={index} className="grid grid-cols-[1fr_3rem_4.5rem] gap-1">
            <input value={line.productId} onChange={update(index, "productId")} className={input} aria-label={t("productId")} />
            <input
              value={line.quantity}
              onChange={update(index, "quantity")}
              className={input}
              aria-label={t("quantity")}
              inputMode="numeric"
            />
            <input value={line.price} onChange={update(index, "price")} className={input} aria-label={t("unitPrice")} inputMode="decimal" />
          </div>
        ))}
        <button
          type="button"
          onClick={() => setLines([...lines, { productId: "", quantity: "1", price: "0" }])}
          className="text-[11px] text-[#008069] hover:underline"
        >
          + {t("product")}
        </button>
      </div>
      <Row name={t("currency")}>
        <input value={currency} onChange={(event) => setCurrency(event.target.value.toUpperCase().slice(0, 3))} className={input} />
      </Row>
      <Row name={t("note")}>
        <input value={text} onChange={(event) => setText(event.target.value)} className={input} />
      </Row>
      <SendButton busy={busy} label={t("sendOrder")} />
    </form>
  );
}

export function AdForm({ onSend, busy }: FormProps) {
  const t = useTranslations("simulator.more");
  const [ad, setAd] = useState({
    headline: "Standing desks -20%",
    body: "This week only, free delivery.",
    sourceUrl: "https://fb.me/northwind-desks",
    text: "Hi! I saw your ad, is the oak desk still on sale?",
  });
  const set = (key: keyof typeof ad) => (event: React.ChangeEvent<HTMLInputElement>) => setAd({ ...ad, [key]: event.target.value });
  return (
    <form
      className="grid grid-cols-2 gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        void onSend({ kind: "text", text: ad.text, referral: { headline: ad.headline, body: ad.body, sourceUrl: ad.sourceUrl } });
      }}
    >
      <Row name={t("adHeadline")}>
        <input value={ad.headline} onChange={set("headline")} className={input} />
      </Row>
      <Row name={t("adText")}>
        <input value={ad.body} onChange={set("body")} className={input} />
      </Row>
      <Row name={t("adLink")}>
        <input value={ad.sourceUrl} onChange={set("sourceUrl")} className={input} />
      </Row>
      <Row name={t("message")}>
        <input value={ad.text} onChange={set("text")} className={input} required />
      </Row>
      <SendButton busy={busy} label={t("sendFromAd")} />
    </form>
  );
}
