import type { ButtonHTMLAttributes } from "react";

const tones = {
  primary: "bg-accent text-on-accent hover:bg-accent-hover",
  secondary: "border border-slate-200 bg-white text-slate-700 hover:bg-slate-50",
  danger: "bg-danger text-on-accent hover:bg-danger-hover",
  ghost: "text-slate-600 hover:bg-slate-100",
} as const;

export function Button({
  tone = "secondary",
  size = "md",
  className = "",
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { tone?: keyof typeof tones; size?: "sm" | "md" }) {
  // Dense for a mouse; on a phone every button is a thumb's size (44 px).
  const sizing = `${size === "sm" ? "px-2 py-1 text-xs" : "px-3 py-1.5 text-sm"} max-md:min-h-11 max-md:px-3`;
  return (
    <button
      type="button"
      {...props}
      className={`inline-flex items-center justify-center gap-1 rounded-md font-medium disabled:cursor-not-allowed disabled:opacity-50 ${sizing} ${tones[tone]} ${className}`}
    />
  );
}
