import type { PhoneNumberInfo } from "@/lib/whatsapp/phone-number-api";

// Meta's prerequisites for the blue tick (Official Business Account) that Switchboard can see, as a
// checklist; the rest (a verified business, notability in the press) is shown as things to confirm.
// Pure: no I/O.

export type ChecklistItem = { id: string; label: string; met: boolean | null };

export function blueTickChecklist({
  number,
  pinSetAt,
  profile,
}: {
  number: PhoneNumberInfo | null;
  pinSetAt: Date | null;
  profile: { websites?: string[]; about?: string } | null;
}): ChecklistItem[] {
  return [
    { id: "name", label: "The display name is approved.", met: number ? number.name_status === "APPROVED" : null },
    { id: "two-step", label: "Two-step verification is on (a PIN is set).", met: pinSetAt ? true : null },
    {
      id: "profile",
      label: "The business profile has an about text and a website.",
      met: profile ? !!profile.about && (profile.websites?.length ?? 0) > 0 : null,
    },
    { id: "live", label: "The number is live, not a test number.", met: number ? number.account_mode !== "SANDBOX" : null },
    { id: "verified", label: "The business is verified in Meta Business Manager (confirm there).", met: null },
    { id: "notable", label: "The business is notable: news articles about it, not paid or promotional (give links).", met: null },
  ];
}

export const RETRY_AFTER_DAYS = 30;
