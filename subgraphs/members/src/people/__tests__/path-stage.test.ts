import { pathStage } from "../path-stage";

describe("a person's path stage", () => {
  it.each([
    ["PROSPECT", null, "PROSPECT"],
    ["RECEIVED", null, "RECEIVED"],
    ["ORIENTED", null, "ORIENTED"],
    ["ADMITTED", null, "ADMITTED"],
    ["ADMITTED", "OBJECTIVE", "OBJECTIVE_CONTRACT"],
    ["ADMITTED", "SUPPORT_AGREEMENT", "SUPPORT_AGREEMENT"],
    ["ADMITTED", "EMPLOYMENT", "EMPLOYMENT_CONTRACT"],
  ] as const)("is %s + furthest contract %s = %s", (welcomeStage, furthestContractKind, stage) => {
    expect(pathStage({ welcomeStage, furthestContractKind, isAssociate: false, hasExited: false })).toBe(stage);
  });

  it("puts the exit before everything, then membership as an associate", () => {
    const employed = { welcomeStage: "ADMITTED", furthestContractKind: "EMPLOYMENT" } as const;
    expect(pathStage({ ...employed, isAssociate: true, hasExited: false })).toBe("ASSOCIATE");
    expect(pathStage({ ...employed, isAssociate: true, hasExited: true })).toBe("EXITED");
    expect(pathStage({ welcomeStage: "ORIENTED", furthestContractKind: null, isAssociate: false, hasExited: true })).toBe("EXITED");
  });
});
