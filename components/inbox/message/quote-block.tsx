import type { QuotedDto } from "@/lib/conversations/types";
import { typeLabels } from "./content";

/** The message a reply quotes, as WhatsApp shows it above the reply. */
export function QuoteBlock({ quoted }: { quoted: QuotedDto }) {
  if (!quoted.found) {
    return (
      <div
        className="rounded-md border-l-4 border-slate-300 bg-black/5 px-2 py-1 text-xs italic text-slate-500"
        data-testid="message-quote"
      >
        Original message not available
      </div>
    );
  }
  const fromBusiness = quoted.direction === "OUTBOUND";
  return (
    <div
      className={`rounded-md border-l-4 bg-black/5 px-2 py-1 text-xs ${fromBusiness ? "border-[#06cf9c]" : "border-[#53bdeb]"}`}
      data-testid="message-quote"
    >
      <p className={`font-medium ${fromBusiness ? "text-[#06a77f]" : "text-[#3a9fd0]"}`}>{fromBusiness ? "You" : "Customer"}</p>
      <p className="line-clamp-3 whitespace-pre-wrap break-words text-slate-600">
        {quoted.text ?? typeLabels[quoted.type ?? ""] ?? "Message"}
      </p>
    </div>
  );
}
