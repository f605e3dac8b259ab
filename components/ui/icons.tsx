// A few line icons, inline so nothing is fetched and headless browsers without emoji fonts show them.

const base = { fill: "none", stroke: "currentColor", strokeWidth: 1.6, strokeLinecap: "round", strokeLinejoin: "round" } as const;

export function BellIcon({ className = "h-4 w-4" }: { className?: string }) {
  return (
    <svg viewBox="0 0 20 20" className={className} {...base} aria-hidden>
      <path d="M5 8a5 5 0 0 1 10 0c0 4 1.5 5.5 1.5 5.5h-13S5 12 5 8Z" />
      <path d="M8.5 16.5a1.6 1.6 0 0 0 3 0" />
    </svg>
  );
}

export function PaperclipIcon({ className = "h-4 w-4" }: { className?: string }) {
  return (
    <svg viewBox="0 0 20 20" className={className} {...base} aria-hidden>
      <path d="M15.5 9.5 9.6 15.4a3.5 3.5 0 0 1-5-5l6.4-6.4a2.3 2.3 0 0 1 3.3 3.3l-6.3 6.3a1.1 1.1 0 0 1-1.6-1.6l5.6-5.6" />
    </svg>
  );
}

export function ReplyIcon({ className = "h-3.5 w-3.5" }: { className?: string }) {
  return (
    <svg viewBox="0 0 20 20" className={className} {...base} aria-hidden>
      <path d="M8 5 3 10l5 5" />
      <path d="M3.5 10H12a5 5 0 0 1 5 5v1" />
    </svg>
  );
}
