import { can, type Role } from "./permissions";

// The settings pages each role may open, grouped as the settings sidebar shows them. The first
// link of the first section is where "Settings" in the top bar leads.

export type SettingsSection = { title: string; links: { href: string; label: string }[] };

export function settingsSections({ role, firstNumberId }: { role: Role; firstNumberId: string | null }): SettingsSection[] {
  const admin = can(role, "settings.manage");
  const sections: SettingsSection[] = [
    {
      title: "WhatsApp",
      links: [
        ...(admin ? [{ href: "/settings/channels", label: "Channels" }] : []),
        ...(firstNumberId && can(role, "dashboard.view")
          ? [
              { href: `/settings/profile/${firstNumberId}`, label: "Business profile" },
              { href: `/settings/number/${firstNumberId}`, label: "Number health" },
            ]
          : []),
        ...(admin ? [{ href: "/settings/flows", label: "Flows" }] : []),
        ...(admin ? [{ href: "/settings/rate-card", label: "Rate card" }] : []),
      ],
    },
    {
      title: "Team",
      links: [
        ...(can(role, "users.manage") ? [{ href: "/settings/users", label: "Users" }] : []),
        ...(admin ? [{ href: "/settings/assignment", label: "Assignment" }] : []),
      ],
    },
    {
      title: "Records",
      links: [
        ...(can(role, "webhooks.replay") ? [{ href: "/settings/webhooks", label: "Webhook log" }] : []),
        ...(admin ? [{ href: "/settings/failed-sends", label: "Failed sends" }] : []),
        ...(can(role, "audit.view") ? [{ href: "/settings/audit", label: "Audit log" }] : []),
      ],
    },
  ];
  return sections.filter((section) => section.links.length > 0);
}
