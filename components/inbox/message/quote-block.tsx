import { useTranslations } from "next-intl";
import type { QuotedDto } from "@/lib/conversations/types";

/** The message a reply quotes, as WhatsApp shows it above the reply. */
export function QuoteBlock({ quoted }: { quoted: QuotedDto }) {
  const t = useTranslations("thread");
  if (!quoted.found) {
    return (
      <div
        className="rounded-md border-l-4 border-slate-300 bg-black/5 px-2 py-1 text-xs italic text-slate-500"
        data-testid="message-quote"
      >
        {t("originalMissing")}
      </div>
    );
  }
  const fromBusiness = quoted.direction === "OUTBOUND";
  return (
    <div
      className={`rounded-md border-l-4 bg-black/5 px-2 py-1 text-xs ${fromBusiness ? "border-[#06cf9c]" : "border-[#53bdeb]"}`}
      data-testid="message-quote"
    >
      <p className={`font-medium ${fromBusiness ? "text-[#06a77f]" : "text-[#3a9fd0]"}`}>{fromBusiness ? t("you") : t("customer")}</p>
      <p className="line-clamp-3 whitespace-pre-wrap break-words text-slate-600">
        {quoted.text ?? t("type", { type: quoted.type ?? "text" })}
      </p>
    </div>
  );
}
