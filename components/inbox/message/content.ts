// Small readers for MessageDto.content, which keeps Meta's type-specific payload as sent.

export type Part = Record<string, unknown>;

export function part(value: unknown, key: string): Part | undefined {
  const inner = value && typeof value === "object" ? (value as Part)[key] : undefined;
  return inner && typeof inner === "object" && !Array.isArray(inner) ? (inner as Part) : undefined;
}

export function str(value: unknown): string | null {
  return typeof value === "string" && value.trim() ? value : null;
}

export function list(value: unknown): Part[] {
  return Array.isArray(value) ? value.filter((item): item is Part => !!item && typeof item === "object") : [];
}

/** Only absolute http(s) URLs become links: never javascript:, data: or relative ones. */
export function safeHref(value: unknown): string | null {
  const text = str(value);
  if (!text || !/^https?:\/\//i.test(text)) return null;
  try {
    return new URL(text).toString();
  } catch {
    return null;
  }
}
