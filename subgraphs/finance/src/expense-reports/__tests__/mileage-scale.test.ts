import { mileageScaleFor, tripAllowance, yearlyAllowanceCents } from "../mileage-scale";

describe("the mileage scale (barème kilométrique, BOI-BAREME-000001)", () => {
  const scale = mileageScaleFor(2026);

  it("applies the band of the yearly distance, by horsepower, exactly in cents", () => {
    // 5 CV: 4,000 km × 0.636 = 2,544.00 EUR; 12,000 km × 0.357 + 1,395 = 5,679.00 EUR; 25,000 km × 0.427 = 10,675.00 EUR.
    expect(yearlyAllowanceCents(scale, 5, false, 4000)).toBe(254400n);
    expect(yearlyAllowanceCents(scale, 5, false, 12000)).toBe(567900n);
    expect(yearlyAllowanceCents(scale, 5, false, 25000)).toBe(1067500n);
    // Band edges: 5,000 km is the first band, 5,001 the second; 20,000 the second, 20,001 the third.
    expect(yearlyAllowanceCents(scale, 3, false, 5000)).toBe(264500n); // 5000 × 0.529
    expect(yearlyAllowanceCents(scale, 3, false, 5001)).toBe(264532n); // 5001 × 0.316 + 1065 = 2645.316
    expect(yearlyAllowanceCents(scale, 3, false, 20000)).toBe(738500n); // 20000 × 0.316 + 1065
    expect(yearlyAllowanceCents(scale, 3, false, 20001)).toBe(740037n); // 20001 × 0.370 = 7400.37
    // 2 CV is read as 3 CV and less, 11 CV as 7 CV and more.
    expect(yearlyAllowanceCents(scale, 2, false, 100)).toBe(5290n);
    expect(yearlyAllowanceCents(scale, 11, false, 100)).toBe(6970n);
  });

  it("raises an electric car's amount by 20 %, rounded half up once", () => {
    // 4 CV, 333 km: 333 × 0.606 = 201.798 EUR; × 1.2 = 242.1576 → 242.16 EUR.
    expect(yearlyAllowanceCents(scale, 4, true, 333)).toBe(24216n);
    // 6 CV, 7,777 km: 7777 × 0.374 + 1457 = 4365.598 → 4365.60 EUR; × 1.2 = 5238.7176 → 5238.72 EUR.
    expect(yearlyAllowanceCents(scale, 6, false, 7777)).toBe(436560n);
    expect(yearlyAllowanceCents(scale, 6, true, 7777)).toBe(523872n);
  });

  it("gives a trip the difference of the year's cumulative amounts: the year's trips add up to the scale's amount", () => {
    const trips = [1234, 2500, 1300, 9000, 6000, 777];
    let before = 0;
    let sum = 0n;
    const bands: number[] = [];
    for (const km of trips) {
      const trip = tripAllowance(2026, 4, true, before, km);
      sum += trip.amountCents;
      bands.push(trip.band);
      before += km;
    }
    expect(bands).toEqual([1, 1, 2, 2, 3, 3]);
    expect(before).toBe(20811);
    expect(sum).toBe(yearlyAllowanceCents(scale, 4, true, 20811)); // 20811 × 0.407 × 1.2 = 10164.0924 → 10164.09
    expect(sum).toBe(1016409n);
    // A first trip of 5,200 km crosses into the second band: 5200 × 0.340 + 1330 = 3098.00 EUR.
    expect(tripAllowance(2026, 4, false, 0, 5200)).toEqual({ scaleYear: 2022, band: 2, amountCents: 309800n });
  });

  it("refuses a year before its first scale and distances that are not whole km", () => {
    expect(() => mileageScaleFor(2021)).toThrow(/No mileage scale/);
    expect(() => tripAllowance(2026, 4, false, 0, 0)).toThrow(RangeError);
    expect(() => tripAllowance(2026, 4, false, 0, 1.5)).toThrow(RangeError);
  });
});
