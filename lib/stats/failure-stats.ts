import "server-only";
import { ambientLocale } from "@/lib/i18n/preferences";
import { translator } from "@/lib/i18n/translator";
import { errorGuide } from "@/lib/whatsapp/error-guide";
import type { FailureStats, StatsQuery } from "./contract";
import { bit } from "./dimensions";
import { labelKeys } from "./labels";
import { messageFilter, messageSource } from "./message-source";
import { sumCounts } from "./read-rollups";
import { bucketSpans, bucketStarts, floorQuarter } from "./slots";

const TOP = 5;

// GET /api/stats/failures: failed messages by Meta's error code over time, with the code's title,
// the agent's sentence, what to do (in the reader's language), and the templates and countries it hit most.
export async function failureStats(query: StatsQuery): Promise<FailureStats> {
  const t = translator(await ambientLocale());
  const from = query.from.getTime();
  const to = query.to.getTime();
  const starts = bucketStarts(from, to, query.bucket, query.tz);
  const whole = [{ from: floorQuarter(from), to: floorQuarter(to) }];
  const filter = messageFilter(query);
  const extraMask = bit.error;
  const [codes, series, templates, countries] = await Promise.all([
    sumCounts(messageSource, { filter, spans: whole, group: ["error"], extraMask }),
    sumCounts(messageSource, { filter, spans: bucketSpans(from, to, starts), group: ["error"], extraMask }),
    sumCounts(messageSource, { filter, spans: whole, group: ["error", "template"], extraMask }),
    sumCounts(messageSource, { filter, spans: whole, group: ["error", "code"], extraMask }),
  ]);
  const failed = codes.filter((row) => row.keys.error && row.failed > 0);
  const [templateNames, countryNames] = await Promise.all([
    labelKeys(
      "template",
      templates.map((row) => row.keys.template!),
    ),
    labelKeys(
      "country",
      countries.map((row) => row.keys.code!),
    ),
  ]);
  const top = (rows: typeof templates, error: string, column: "template" | "code", names: Map<string, string>) =>
    rows
      .filter((row) => row.keys.error === error && row.failed > 0)
      .sort((a, b) => b.failed - a.failed)
      .slice(0, TOP)
      .map((row) => ({ key: row.keys[column]!, label: names.get(row.keys[column]!) ?? row.keys[column]!, count: row.failed }));
  return {
    total: failed.reduce((sum, row) => sum + row.failed, 0),
    byCode: failed
      .sort((a, b) => b.failed - a.failed)
      .map((row) => {
        const error = row.keys.error!;
        const code = error === "none" ? null : Number(error);
        const counts = new Map(series.filter((entry) => entry.keys.error === error).map((entry) => [entry.index, entry.failed]));
        return {
          code,
          ...errorGuide(code, t),
          count: row.failed,
          series: starts.map((start, index) => ({ bucket: new Date(start).toISOString(), count: counts.get(index) ?? 0 })),
          topTemplates: top(templates, error, "template", templateNames).filter((entry) => entry.key !== ""),
          topCountries: top(countries, error, "code", countryNames),
        };
      }),
  };
}
