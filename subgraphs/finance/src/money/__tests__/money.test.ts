import { DEFAULT_MINIMUM_WAGE } from "@cae/shared";
import { monthlyContribution } from "../../contributions/contribution.compute";
import { simulatePay } from "../../simulation/pay-simulation";
import {
  bracketedContribution,
  documentTotals,
  floorDiv,
  lineNet,
  parseQuantity,
  parseRate,
  percentOf,
  roundDiv,
  scaledDecimal,
} from "../arithmetic";

describe("exact money arithmetic", () => {
  it("rounds half away from zero, and floors towards minus infinity", () => {
    expect([roundDiv(5n, 10n), roundDiv(4n, 10n), roundDiv(15n, 10n), roundDiv(-15n, 10n), roundDiv(-14n, 10n)]).toEqual([
      1n,
      0n,
      2n,
      -2n,
      -1n,
    ]);
    expect([floorDiv(7n, 2n), floorDiv(-7n, 2n)]).toEqual([3n, -4n]);
  });

  it("reads decimals exactly, refusing floats' ways", () => {
    expect(scaledDecimal("2.5", 3)).toBe(2500n);
    expect(scaledDecimal("0.1", 3)).toBe(100n);
    expect(scaledDecimal("1.2500", 3)).toBe(1250n);
    expect(scaledDecimal("1.2345", 3)).toBeNull();
    expect(scaledDecimal("1e3", 3)).toBeNull();
    expect(() => parseQuantity("0", "q")).toThrow(/above 0/);
    expect(() => parseRate("100.01", "r")).toThrow(/between 0 and 100/);
    expect(parseRate("5.5", "r")).toBe(55_000n);
  });

  it("prices lines half up, and VAT once per rate", () => {
    expect(lineNet(2500n, 3333n)).toBe(8333n);
    expect(lineNet(500n, 201n)).toBe(101n);
    // Three lines of 0.333 × 1.00 at 20 %: nets 0.33 each; VAT on 0.99 = 0.198 → 0.20 (per line it would be 3 × 0.07 = 0.21).
    const totals = documentTotals(
      Array.from({ length: 3 }, () => ({ quantityThousandths: 333n, unitPriceCents: 100n, vatRate: "STANDARD_20" as const })),
    );
    expect(totals).toMatchObject({ netCents: 99n, vatCents: 20n, totalCents: 119n });
    expect(percentOf(33333n, 80_000n)).toBe(2667n);
  });

  it("sums beyond 2^53 cents without loss", () => {
    const huge = 9_007_199_254_740_993n;
    expect(documentTotals([{ quantityThousandths: 1000n, unitPriceCents: huge, vatRate: "EXEMPT" }]).totalCents).toBe(huge);
  });

  it("cuts a month's basis across brackets after the year's earlier months", () => {
    const brackets = [
      { fromCents: 0n, rate: 100_000n },
      { fromCents: 1_000_000n, rate: 50_000n },
    ];
    expect(bracketedContribution(brackets, 800_000n, 400_000n)).toEqual([
      { fromCents: 0n, rate: 100_000n, basisCents: 200_000n, amountCents: 20_000n },
      { fromCents: 1_000_000n, rate: 50_000n, basisCents: 200_000n, amountCents: 10_000n },
    ]);
    expect(bracketedContribution(brackets, 0n, -5n)).toEqual([]);
    // Gross margin: revenue minus expenses; a month at a loss pays nothing.
    const margin = monthlyContribution(
      "GROSS_MARGIN",
      [{ fromCents: 0n, rate: 135_000n }],
      [{ revenueCents: 500_000n, expensesCents: 100_000n }],
      {
        revenueCents: 300_000n,
        expensesCents: 50_000n,
      },
    );
    expect(margin).toMatchObject({ basisCents: 250_000n, yearBasisBeforeCents: 400_000n, amountCents: 33_750n });
    expect(
      monthlyContribution("GROSS_MARGIN", [{ fromCents: 0n, rate: 135_000n }], [], { revenueCents: 1n, expensesCents: 2n }).amountCents,
    ).toBe(0n);
  });

  it("never simulates pay below the SMIC for the hours", () => {
    for (const revenue of [0n, 150_000n, 180_000n, 250_000n, 333_333n, 1_000_000n]) {
      const simulation = simulatePay({
        on: "2026-03-01",
        revenueCents: revenue,
        expensesCents: 10_000n,
        basis: "REVENUE",
        brackets: [{ fromCents: 0n, rate: 100_000n }],
        employerChargeRate: 450_000n,
        employeeChargeRate: 220_000n,
        minimumWage: DEFAULT_MINIMUM_WAGE,
      });
      const hundredths = BigInt(simulation.monthlyHours.replace(".", ""));
      expect(simulation.grossMonthlyPayCents * 100n).toBeGreaterThanOrEqual(hundredths * 1202n);
      expect(simulation.employerCostCents <= (simulation.availableCents > 0n ? simulation.availableCents : 0n)).toBe(true);
      expect(hundredths).toBeLessThanOrEqual(15167n);
    }
  });
});
