import type { LabelDto } from "@/lib/conversations/types";

const colors: Record<string, string> = {
  slate: "bg-slate-100 text-slate-700",
  red: "bg-red-50 text-red-700",
  amber: "bg-amber-50 text-amber-800",
  emerald: "bg-emerald-50 text-emerald-700",
  sky: "bg-sky-50 text-sky-700",
  violet: "bg-violet-50 text-violet-700",
  pink: "bg-pink-50 text-pink-700",
};

export function LabelChip({ label }: { label: LabelDto }) {
  return (
    <span data-testid="label-chip" className={`rounded px-1.5 py-0.5 text-[11px] font-medium ${colors[label.color] ?? colors.slate}`}>
      {label.name}
    </span>
  );
}
