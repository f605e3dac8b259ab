import { useTranslations } from "next-intl";
import type { MessageDto } from "@/lib/conversations/types";
import type { Translate } from "@/lib/i18n/phrase";
import { metaErrorPhrase } from "@/lib/whatsapp/error-messages";
import { part, str } from "./content";

// Lines that are not the customer talking: system notices (a changed number, a changed security
// code), shown centred in the thread, and placeholders for what WhatsApp could not deliver.

export function isNotice(message: MessageDto): boolean {
  return message.type === "system";
}

/** The notice in the reader's language (`t`: a translator of any key); WhatsApp's own text when we have no words of ours. */
export function noticeText(message: MessageDto, t: Translate): string {
  const system = part(message.content, "system");
  switch (str(system?.type)) {
    case "user_changed_number": {
      const newNumber = str(system?.wa_id);
      return newNumber ? t("thread.changedNumberTo", { number: newNumber }) : (str(system?.body) ?? t("thread.changedNumber"));
    }
    case "customer_identity_changed":
      return t("thread.identityChanged");
    default:
      return str(system?.body) ?? message.text ?? t("thread.systemNotice");
  }
}

export function SystemNotice({ message }: { message: MessageDto }) {
  const t = useTranslations();
  return (
    <div className="my-2 flex justify-center" data-testid="message-notice">
      <p className="max-w-[80%] rounded-md bg-[#fff5c4] px-3 py-1 text-center text-xs text-slate-700 shadow-sm">{noticeText(message, t)}</p>
    </div>
  );
}

/** What WhatsApp could not hand over (an unsupported type, a payload Meta failed to include). */
export function UnsupportedPlaceholder({ message }: { message: MessageDto }) {
  const t = useTranslations();
  const subtype = str(part(message.content, "unsupported")?.type);
  const error = message.error;
  const unsupported = metaErrorPhrase({ code: 131051 });
  // Meta's own title and details stay as Meta wrote them; the sentences that are ours are translated.
  const reason =
    error?.code === 131051 || (!error && message.type === "unsupported")
      ? t(unsupported.key, unsupported.values)
      : (error?.title ?? t("thread.contentMissing"));
  const details = error?.details && error.details !== reason ? error.details : null;
  return (
    <div className="space-y-0.5 text-slate-600" data-testid="message-unsupported">
      <p className="font-medium">⚠️ {subtype ? t("thread.cantShowType", { type: subtype }) : t("thread.cantShow")}</p>
      <p className="text-xs">
        {reason}
        {details ? ` ${details}` : ""}
        {error?.code ? ` ${t("thread.errorCode", { code: String(error.code) })}` : ""}
      </p>
      <p className="text-[11px] text-slate-500">{t("thread.checkPhone")}</p>
    </div>
  );
}
