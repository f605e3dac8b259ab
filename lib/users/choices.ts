// The choices the forms offer, as plain data the browser can import without the validation code.

export const locales = [
  { tag: "en", label: "English" },
  { tag: "hi", label: "हिन्दी" },
  { tag: "bn", label: "বাংলা" },
  { tag: "te", label: "తెలుగు" },
  { tag: "tl", label: "Tagalog" },
] as const;
export type LocaleTag = (typeof locales)[number]["tag"];

/** The interface's colours: the device's preference (light or dark), or one of them always. */
export const themes = ["system", "light", "dark"] as const;
export type Theme = (typeof themes)[number];

export const roleLabels = { AGENT: "Agent", MANAGER: "Manager", ADMIN: "Admin" } as const;

export const roleDescriptions = {
  AGENT: "Answers conversations in their inboxes.",
  MANAGER: "An agent who also edits labels and saved replies and sees the dashboard.",
  ADMIN: "Everything, including settings and who has access.",
} as const;
