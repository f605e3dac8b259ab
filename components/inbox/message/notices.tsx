import type { MessageDto } from "@/lib/conversations/types";
import { describeMetaError } from "@/lib/whatsapp/error-messages";
import { part, str } from "./content";

// Lines that are not the customer talking: system notices (a changed number, a changed security
// code), shown centred in the thread, and placeholders for what WhatsApp could not deliver.

export function isNotice(message: MessageDto): boolean {
  return message.type === "system";
}

export function noticeText(message: MessageDto): string {
  const system = part(message.content, "system");
  switch (str(system?.type)) {
    case "user_changed_number": {
      const newNumber = str(system?.wa_id);
      return newNumber
        ? `The customer changed their number to +${newNumber}. The conversation continues here.`
        : (str(system?.body) ?? "The customer changed their number.");
    }
    case "customer_identity_changed":
      return "The customer's security code changed (a new phone or a reinstall). Make sure you know who you are talking to before sharing anything sensitive.";
    default:
      return str(system?.body) ?? message.text ?? "WhatsApp sent a system notice.";
  }
}

export function SystemNotice({ message }: { message: MessageDto }) {
  return (
    <div className="my-2 flex justify-center" data-testid="message-notice">
      <p className="max-w-[80%] rounded-md bg-[#fff5c4] px-3 py-1 text-center text-xs text-slate-700 shadow-sm">{noticeText(message)}</p>
    </div>
  );
}

/** What WhatsApp could not hand over (an unsupported type, a payload Meta failed to include). */
export function UnsupportedPlaceholder({ message }: { message: MessageDto }) {
  const subtype = str(part(message.content, "unsupported")?.type);
  const error = message.error;
  const reason =
    error?.code === 131051 || (!error && message.type === "unsupported")
      ? describeMetaError({ code: 131051 })
      : (error?.title ?? "WhatsApp did not include this message's content.");
  const details = error?.details && error.details !== reason ? error.details : null;
  return (
    <div className="space-y-0.5 text-slate-600" data-testid="message-unsupported">
      <p className="font-medium">⚠️ This message can&apos;t be shown{subtype ? ` (${subtype})` : ""}</p>
      <p className="text-xs">
        {reason}
        {details ? ` ${details}` : ""}
        {error?.code ? ` (error ${error.code})` : ""}
      </p>
      <p className="text-[11px] text-slate-500">Ask the customer to check it on their phone or send it another way.</p>
    </div>
  );
}
