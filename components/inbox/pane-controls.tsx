"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { BackIcon, PersonIcon } from "@/components/ui/icons";
import { useInboxPane } from "./use-inbox-pane";

// The controls that move between the inbox's panes on a narrow screen (see use-inbox-pane.ts).

const touch = "inline-flex min-h-11 min-w-11 shrink-0 items-center justify-center rounded-md text-slate-600 hover:bg-slate-100";

/** Back from a conversation to the list, with the list's filters (phones only). */
export function BackToList() {
  const { listHref } = useInboxPane();
  const t = useTranslations("inbox.panes");
  return (
    <Link href={listHref} className={`${touch} -ml-2 md:hidden`} aria-label={t("backToList")} data-testid="back-to-list">
      <BackIcon />
    </Link>
  );
}

/** Opens the customer's pane where it is not always shown (below 1280 px). */
export function ContactToggle() {
  const { pane, showContact, closeContact } = useInboxPane();
  const open = pane === "contact";
  const t = useTranslations("inbox.panes");
  return (
    <button
      type="button"
      onClick={open ? closeContact : showContact}
      aria-expanded={open}
      aria-controls="contact-panel"
      aria-label={t("customerDetails")}
      title={t("customerDetails")}
      data-testid="contact-toggle"
      className={`${touch} xl:hidden ${open ? "bg-slate-100" : ""}`}
    >
      <PersonIcon className="h-5 w-5" />
    </button>
  );
}

/** Back from the customer's pane to the conversation (below 1280 px). */
export function CloseContact() {
  const { closeContact } = useInboxPane();
  const t = useTranslations("inbox.panes");
  return (
    <button
      type="button"
      onClick={closeContact}
      className={`${touch} -ml-2 xl:hidden`}
      aria-label={t("backToConversation")}
      data-testid="close-contact"
    >
      <BackIcon />
    </button>
  );
}
