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
  ] as const)("is %s + furthest contract %s = %s", (welcome, contract, stage) => {
    expect(pathStage(welcome, contract)).toBe(stage);
  });
});
