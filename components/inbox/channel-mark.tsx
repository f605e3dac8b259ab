import { useTranslations } from "next-intl";
import type { ChannelSummary } from "@/lib/conversations/types";

// Which platform a conversation is on, at a glance: WhatsApp's green or Messenger's blue, with a
// letter for those who don't tell colours apart and the name for screen readers and tooltips.

const marks = {
  whatsapp: { letter: "W", tone: "bg-[#25d366] text-on-accent" },
  messenger: { letter: "M", tone: "bg-[#0866ff] text-on-accent" },
} as const;

export function ChannelMark({ kind, className = "" }: { kind: ChannelSummary["kind"]; className?: string }) {
  const t = useTranslations("inbox");
  const mark = marks[kind];
  const label = t(kind);
  return (
    <span
      title={label}
      aria-label={label}
      role="img"
      data-testid="channel-mark"
      data-channel={kind}
      className={`inline-flex h-4 w-4 shrink-0 items-center justify-center rounded-full text-[9px] font-bold leading-none ${mark.tone} ${className}`}
    >
      {mark.letter}
    </span>
  );
}
