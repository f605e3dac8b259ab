// CSV cells as RFC 4180 wants them, safe to open in a spreadsheet: a cell that starts with = + - @
// (or a tab or carriage return) would be read as a formula, so it gets a leading apostrophe — the
// OWASP advice for CSV injection. No imports; unit-tested in tests/unit/audit-csv.test.ts.

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? "" : typeof value === "string" ? value : JSON.stringify(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: unknown[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}
