import { furthestContractKind } from "../contract.rules";

describe("the furthest contract of a path", () => {
  it("is the latest kind in path order among signed, running or ended contracts", () => {
    expect(
      furthestContractKind([
        { kind: "OBJECTIVE", status: "ENDED" },
        { kind: "EMPLOYMENT", status: "RUNNING" },
        { kind: "SUPPORT_AGREEMENT", status: "ENDED" },
      ]),
    ).toBe("EMPLOYMENT");
    expect(furthestContractKind([{ kind: "SUPPORT_AGREEMENT", status: "SIGNED" }])).toBe("SUPPORT_AGREEMENT");
  });

  it("ignores drafts and cancelled contracts", () => {
    expect(
      furthestContractKind([
        { kind: "OBJECTIVE", status: "RUNNING" },
        { kind: "SUPPORT_AGREEMENT", status: "DRAFT" },
        { kind: "EMPLOYMENT", status: "CANCELLED" },
      ]),
    ).toBe("OBJECTIVE");
    expect(furthestContractKind([{ kind: "OBJECTIVE", status: "DRAFT" }])).toBeNull();
    expect(furthestContractKind([])).toBeNull();
  });
});
