import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConfigError } from "../errors";
import {
  DEFAULT_MINIMUM_WAGE,
  hoursToHundredths,
  hundredthsToHours,
  minimumCentsPerHourOn,
  minimumMonthlyPayCents,
  minimumWageTableFromEnv,
  parseMinimumWageTable,
} from "../legal/minimum-wage";

describe("minimum wage (SMIC) as dated configuration", () => {
  it("gives the rate in force on each day, from its first day on", () => {
    expect(minimumCentsPerHourOn(DEFAULT_MINIMUM_WAGE, "2024-10-31")).toBe(1165n);
    expect(minimumCentsPerHourOn(DEFAULT_MINIMUM_WAGE, "2024-11-01")).toBe(1188n);
    expect(minimumCentsPerHourOn(DEFAULT_MINIMUM_WAGE, "2025-12-31")).toBe(1188n);
    expect(minimumCentsPerHourOn(DEFAULT_MINIMUM_WAGE, "2026-01-01")).toBe(1202n);
    expect(minimumCentsPerHourOn(DEFAULT_MINIMUM_WAGE, "2026-01-01", "mayotte")).toBe(933n);
  });

  it("guesses nothing before the first rate", () => {
    expect(minimumCentsPerHourOn(DEFAULT_MINIMUM_WAGE, "2023-12-31")).toBeNull();
    expect(minimumMonthlyPayCents(DEFAULT_MINIMUM_WAGE, "2023-12-31", 15167)).toBeNull();
  });

  it("gives the monthly floor for the hours, rounded up to the cent (151.67 h in 2026: 1,823.08 EUR)", () => {
    // 151.67 × 12.02 = 1823.0734: rounding down would pay less than the law. (Published monthly
    // figures round 35 h × 52 / 12 = 151.666… h, hence 1,823.03; contracts are written in 151.67 h.)
    expect(minimumMonthlyPayCents(DEFAULT_MINIMUM_WAGE, "2026-03-01", 15167)).toBe(182308n);
    expect(minimumMonthlyPayCents(DEFAULT_MINIMUM_WAGE, "2024-06-01", 15167)).toBe(176696n);
    expect(minimumMonthlyPayCents(DEFAULT_MINIMUM_WAGE, "2026-03-01", 8000)).toBe(96160n);
  });

  it("reads hours as exact hundredths", () => {
    expect(hoursToHundredths("151.67")).toBe(15167);
    expect(hoursToHundredths("80")).toBe(8000);
    expect(hoursToHundredths("80.5")).toBe(8050);
    expect(hoursToHundredths("80.123")).toBeNull();
    expect(hoursToHundredths("-1")).toBeNull();
    expect(hundredthsToHours(8050)).toBe("80.50");
  });

  it("refuses a malformed table, naming the entry", () => {
    expect(() => parseMinimumWageTable({})).toThrow(ConfigError);
    const rows = (metropolitan: unknown[]) => ({ territories: { metropolitan, mayotte: [{ from: "2026-01-01", eurosPerHour: "9.33" }] } });
    expect(() => parseMinimumWageTable(rows([{ from: "2026-01-01", eurosPerHour: 12.02 }]))).toThrow(/metropolitan\[0\]\.eurosPerHour/);
    expect(() => parseMinimumWageTable(rows([{ from: "1 Jan 2026", eurosPerHour: "12.02" }]))).toThrow(/metropolitan\[0\]\.from/);
    expect(() =>
      parseMinimumWageTable(
        rows([
          { from: "2026-01-01", eurosPerHour: "12.02" },
          { from: "2025-01-01", eurosPerHour: "11.88" },
        ]),
      ),
    ).toThrow(/increasing order/);
  });

  it("takes a deployment's own table from MINIMUM_WAGE_FILE", () => {
    const file = join(mkdtempSync(join(tmpdir(), "smic-")), "smic.json");
    writeFileSync(
      file,
      JSON.stringify({
        territories: {
          metropolitan: [
            { from: "2026-01-01", eurosPerHour: "12.02" },
            { from: "2027-01-01", eurosPerHour: "12.30" },
          ],
          mayotte: [{ from: "2026-01-01", eurosPerHour: "9.33" }],
        },
      }),
    );
    const table = minimumWageTableFromEnv({ MINIMUM_WAGE_FILE: file });
    expect(minimumCentsPerHourOn(table, "2027-02-01")).toBe(1230n);
    expect(minimumWageTableFromEnv({})).toBe(DEFAULT_MINIMUM_WAGE);
    expect(() => minimumWageTableFromEnv({ MINIMUM_WAGE_FILE: join(tmpdir(), "absent-smic.json") })).toThrow(/MINIMUM_WAGE_FILE/);
  });
});
