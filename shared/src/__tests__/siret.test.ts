import { isValidSiret, withSiretKey } from "../legal/siret";

describe("SIRET numbers", () => {
  it("accept the INSEE's own examples and refuse a changed digit", () => {
    expect(isValidSiret("73282932000074")).toBe(true); // a published SIRET
    expect(isValidSiret("73282932000075")).toBe(false);
    expect(isValidSiret("83282932000074")).toBe(false);
  });

  it("refuse anything but 14 digits", () => {
    for (const bad of ["", "7328293200007", "732829320000740", "7328293200007A", " 73282932000074", "73282 932000074"]) {
      expect(isValidSiret(bad)).toBe(false);
    }
  });

  it("follow La Poste's own rule: the digits add up to a multiple of 5", () => {
    expect(isValidSiret("35600000000015")).toBe(true); // digits add up to 20, not a Luhn number
    expect(isValidSiret("35600000000016")).toBe(false);
  });

  it("get their key from 13 digits, and every other key is refused", () => {
    for (const base of ["0000000000000", "9999999999999", "4421234560001", "1234567890123"]) {
      const siret = withSiretKey(base);
      expect(siret.slice(0, 13)).toBe(base);
      expect(isValidSiret(siret)).toBe(true);
      const others = Array.from({ length: 10 }, (_, key) => `${base}${key}`).filter((other) => other !== siret);
      expect(others.filter(isValidSiret)).toEqual([]);
    }
    expect(withSiretKey("0000000000000")).toBe("00000000000000");
  });

  it("refuse to key anything but 13 digits", () => {
    expect(() => withSiretKey("123")).toThrow(RangeError);
    expect(() => withSiretKey("44212345600A1")).toThrow(RangeError);
  });
});
