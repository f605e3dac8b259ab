import { useTranslations } from "next-intl";

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

export function TagIcon({ className = "h-4 w-4" }: { className?: string }) {
  return (
    <svg viewBox="0 0 20 20" className={className} {...base} aria-hidden>
      <path d="M3 3h6.5l7.5 7.5-6.5 6.5L3 9.5V3Z" />
      <circle cx="6.5" cy="6.5" r="1.2" />
    </svg>
  );
}

export function PinIcon({ className = "h-4 w-4" }: { className?: string }) {
  return (
    <svg viewBox="0 0 20 20" className={className} {...base} aria-hidden>
      <path d="M10 17.5s5.5-5.2 5.5-9.5a5.5 5.5 0 0 0-11 0c0 4.3 5.5 9.5 5.5 9.5Z" />
      <circle cx="10" cy="8" r="2" />
    </svg>
  );
}

export function MailIcon({ className = "h-4 w-4" }: { className?: string }) {
  return (
    <svg viewBox="0 0 20 20" className={className} {...base} aria-hidden>
      <rect x="2.5" y="4.5" width="15" height="11" rx="1.5" />
      <path d="m3 5.5 7 5.5 7-5.5" />
    </svg>
  );
}

export function GlobeIcon({ className = "h-4 w-4" }: { className?: string }) {
  return (
    <svg viewBox="0 0 20 20" className={className} {...base} aria-hidden>
      <circle cx="10" cy="10" r="7.5" />
      <path d="M2.5 10h15M10 2.5c2 2.2 3 4.7 3 7.5s-1 5.3-3 7.5c-2-2.2-3-4.7-3-7.5s1-5.3 3-7.5Z" />
    </svg>
  );
}

export function StoreIcon({ className = "h-4 w-4" }: { className?: string }) {
  return (
    <svg viewBox="0 0 20 20" className={className} {...base} aria-hidden>
      <path d="M3 8.5V17h14V8.5M2 8.5 4 3h12l2 5.5a2.7 2.7 0 0 1-5.3 0 2.7 2.7 0 0 1-5.4 0 2.7 2.7 0 0 1-5.3 0Z" />
      <path d="M8 17v-4.5h4V17" />
    </svg>
  );
}

/** WhatsApp's blue tick beside an official business account's name. */
export function VerifiedBadge({ className = "h-4 w-4" }: { className?: string }) {
  const t = useTranslations("ui");
  return (
    <svg viewBox="0 0 20 20" className={className} aria-label={t("officialAccount")} role="img">
      <circle cx="10" cy="10" r="9" fill="#1d9bf0" />
      <path d="m6 10.2 2.7 2.7L14.2 7.4" fill="none" stroke="white" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

export function BackIcon({ className = "h-5 w-5" }: { className?: string }) {
  return (
    <svg viewBox="0 0 20 20" className={className} {...base} aria-hidden>
      <path d="M12.5 4 6.5 10l6 6" />
    </svg>
  );
}

export function PersonIcon({ className = "h-4 w-4" }: { className?: string }) {
  return (
    <svg viewBox="0 0 20 20" className={className} {...base} aria-hidden>
      <circle cx="10" cy="7" r="3.5" />
      <path d="M3.5 17.5a6.5 6.5 0 0 1 13 0" />
    </svg>
  );
}
