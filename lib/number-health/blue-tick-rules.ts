import type { Translate } from "@/lib/i18n/phrase";
import type { PhoneNumberInfo } from "@/lib/whatsapp/phone-number-api";

// Meta's prerequisites for the blue tick (Official Business Account) that Switchboard can see, as a
// checklist in the reader's language; the rest (a verified business, notability in the press) is
// shown as things to confirm. Pure: no I/O.

export type ChecklistItem = { id: string; label: string; met: boolean | null };

export function blueTickChecklist(
  {
    number,
    pinSetAt,
    profile,
  }: {
    number: PhoneNumberInfo | null;
    pinSetAt: Date | null;
    profile: { websites?: string[]; about?: string } | null;
  },
  t: Translate,
): ChecklistItem[] {
  return [
    { id: "name", label: t("numberHealth.checklist.name"), met: number ? number.name_status === "APPROVED" : null },
    { id: "two-step", label: t("numberHealth.checklist.twoStep"), met: pinSetAt ? true : null },
    {
      id: "profile",
      label: t("numberHealth.checklist.profile"),
      met: profile ? !!profile.about && (profile.websites?.length ?? 0) > 0 : null,
    },
    { id: "live", label: t("numberHealth.checklist.live"), met: number ? number.account_mode !== "SANDBOX" : null },
    { id: "verified", label: t("numberHealth.checklist.verified"), met: null },
    { id: "notable", label: t("numberHealth.checklist.notable"), met: null },
  ];
}

export const RETRY_AFTER_DAYS = 30;
