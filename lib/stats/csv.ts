// CSV for the statistics' downloads (RFC 4180: quoted when needed, CRLF line ends). Pure.

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  const text = String(value);
  // Quoted when it holds a separator, or could be read as a spreadsheet formula.
  return /[",\r\n]/.test(text) || /^[=+\-@]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(values: unknown[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}

export function csvTable(header: string[], rows: unknown[][]): string {
  return [header, ...rows].map(csvLine).join("");
}

export function csvResponse(body: string | ReadableStream<Uint8Array>, name: string): Response {
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${name}.csv"`,
      "cache-control": "no-store",
    },
  });
}
