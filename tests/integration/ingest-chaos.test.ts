import { describe, expect, it } from "vitest";
import { runScenario, scenarioNames } from "../../scripts/chaos/scenarios";

// Nothing acknowledged is lost and nothing is stored twice when things break halfway through a
// signed load (20 % of bodies sent twice, all shuffled, everything not answered 200 sent again):
// the server SIGKILLed and restarted, PostgreSQL restarted, one of two instances killed. Small
// sizes here; `npm run chaos` runs the same at 100,000 events. No timings are asserted.

const distDir = process.env.TEST_DIST_DIR ?? ".next";

describe("ingest under failure", () => {
  it.each(scenarioNames)(
    "%s: every message, receipt and conversation exactly once, every tick final",
    async (name) => {
      const result = await runScenario({ name, events: 400, distDir });
      expect(result.problems).toEqual([]);
      expect(result.struckAt).toBeGreaterThan(0);
      const { counts } = result;
      expect(counts.messages).toMatchObject({ missing: 0, duplicated: 0, stored: counts.messages.expected });
      expect(counts.receipts).toMatchObject({ missing: 0, duplicated: 0, stored: counts.receipts.expected });
      expect(counts.ticksFinal.final).toBe(counts.ticksFinal.expected);
      expect(counts.customers.conversations).toBe(counts.customers.expected);
      // Redeliveries and resends are logged as they came: more bodies than distinct events.
      expect(counts.bodiesLogged).toBeGreaterThan(counts.messages.expected + counts.receipts.expected);
      // What broke was felt: the stopped database refused bodies with 503, a killed server's bodies were sent again.
      if (name === "database-restart") expect(result.sending.answers["503"]).toBeGreaterThan(0);
      if (name === "server-kill") expect(result.sending.attempts).toBeGreaterThan(result.sending.sent);
    },
    300_000,
  );
});
