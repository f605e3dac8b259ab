// A WhatsApp Flow submission (interactive.nfm_reply) arrives as response_json: a JSON string of the
// screen's field names and values, plus the flow_token the business sent. Agents see it as a
// label/value form, so this turns it into readable rows. Pure: used by ingest and by the thread.

export type FlowField = { key: string; label: string; value: string };

const HIDDEN_KEYS = new Set(["flow_token"]);

export function flowFields(responseJson: unknown): FlowField[] | null {
  if (typeof responseJson !== "string") return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(responseJson);
  } catch {
    return null;
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return null;
  return flatten(parsed as Record<string, unknown>, []);
}

function flatten(record: Record<string, unknown>, parents: string[]): FlowField[] {
  const fields: FlowField[] = [];
  for (const [key, value] of Object.entries(record)) {
    if (parents.length === 0 && HIDDEN_KEYS.has(key)) continue;
    if (value && typeof value === "object" && !Array.isArray(value)) {
      fields.push(...flatten(value as Record<string, unknown>, [...parents, key]));
      continue;
    }
    const path = [...parents, key];
    fields.push({ key: path.join("."), label: path.map(humanizeKey).join(" › "), value: displayValue(value) });
  }
  return fields;
}

/** "appointment_date" → "Appointment date"; "firstName" → "First name". */
export function humanizeKey(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_\-.]+/g, " ")
    .trim()
    .toLowerCase();
  if (!words) return key;
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function displayValue(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (Array.isArray(value)) return value.map(displayValue).join(", ");
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** The submission as text lines ("Appointment date: 2026-05-04"), for previews and search. */
export function flowSummary(fields: FlowField[]): string {
  return fields.map((field) => `${field.label}: ${field.value}`).join("\n");
}
