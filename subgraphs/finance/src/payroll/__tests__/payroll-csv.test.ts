import { euros, parseEuros, parseMonthText } from "../payroll-csv";

describe("amounts and months of a payroll results file", () => {
  it("reads decimal euros as exact cents, never through a float", () => {
    expect(parseEuros("2345,67")).toBe(234567n);
    expect(parseEuros("2345.67")).toBe(234567n);
    expect(parseEuros(" 2 345,6 ")).toBe(234560n);
    expect(parseEuros("2\u00a0345,67")).toBe(234567n);
    expect(parseEuros("0,1")).toBe(10n);
    expect(parseEuros("0.29")).toBe(29n); // 0.29 * 100 is 28.999999999999996 as a float
    expect(parseEuros("90071992547409,93")).toBe(9007199254740993n); // beyond 2^53 cents
    expect(parseEuros("-12,50")).toBe(-1250n);
    for (const wrong of ["", "12,345", "1.234,56", "1e3", "12,", ",5", "douze", "12 €"]) expect(parseEuros(wrong)).toBeNull();
    expect(euros(-1250n)).toBe("-12,50");
  });

  it("reads months as 2026-11 or 11/2026", () => {
    expect(parseMonthText("2026-11")).toBe("2026-11");
    expect(parseMonthText("3/2026")).toBe("2026-03");
    expect(parseMonthText("2026-13")).toBeNull();
    expect(parseMonthText("novembre 2026")).toBeNull();
  });
});
