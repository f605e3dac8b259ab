import { can, type Role } from "./permissions";

// The settings pages each role may open, grouped as the settings sidebar shows them. The first
// link of the first section is where "Settings" in the top bar leads. Titles and labels are keys of
// the "settingsNav" messages.

type Key =
  | "whatsapp"
  | "channels"
  | "profile"
  | "numberHealth"
  | "flows"
  | "rateCard"
  | "team"
  | "users"
  | "assignment"
  | "records"
  | "webhooks"
  | "failedSends"
  | "audit";
export type SettingsSection = { title: Key; links: { href: string; label: Key }[] };

const link = (href: string, label: Key) => ({ href, label });

export function settingsSections({ role, firstNumberId }: { role: Role; firstNumberId: string | null }): SettingsSection[] {
  const admin = can(role, "settings.manage");
  const sections: SettingsSection[] = [
    {
      title: "whatsapp",
      links: [
        ...(admin ? [link("/settings/channels", "channels")] : []),
        ...(firstNumberId && can(role, "dashboard.view")
          ? [link(`/settings/profile/${firstNumberId}`, "profile"), link(`/settings/number/${firstNumberId}`, "numberHealth")]
          : []),
        ...(admin ? [link("/settings/flows", "flows")] : []),
        ...(admin ? [link("/settings/rate-card", "rateCard")] : []),
      ],
    },
    {
      title: "team",
      links: [
        ...(can(role, "users.manage") ? [link("/settings/users", "users")] : []),
        ...(admin ? [link("/settings/assignment", "assignment")] : []),
      ],
    },
    {
      title: "records",
      links: [
        ...(can(role, "webhooks.replay") ? [link("/settings/webhooks", "webhooks")] : []),
        ...(admin ? [link("/settings/failed-sends", "failedSends")] : []),
        ...(can(role, "audit.view") ? [link("/settings/audit", "audit")] : []),
      ],
    },
  ];
  return sections.filter((section) => section.links.length > 0);
}
