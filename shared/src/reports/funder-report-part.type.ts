import { registerEnumType } from "type-graphql";
import { FUNDER_REPORT_PART_KEYS, FUNDER_REPORT_PARTS, type FunderReportPart } from "./funder-report";

/**
 * The parts of the funder report as a GraphQL enum: the network subgraph's funding agreements list
 * them as the indicators they owe, and the gateway reads them to report on an agreement; one
 * registration, so the two subgraphs' enums are the same.
 */
export const FunderReportPartEnum = Object.fromEntries(FUNDER_REPORT_PART_KEYS.map((key) => [key, key])) as {
  [Key in FunderReportPart]: Key;
};
registerEnumType(FunderReportPartEnum, {
  name: "FunderReportPart",
  description:
    "A part of the funder report (rapport aux financeurs), which a funding agreement lists among the indicators it owes: " +
    FUNDER_REPORT_PART_KEYS.map((key) => `${key} (${FUNDER_REPORT_PARTS[key]})`).join(", ") +
    ".",
  valuesConfig: Object.fromEntries(FUNDER_REPORT_PART_KEYS.map((key) => [key, { description: `${FUNDER_REPORT_PARTS[key]}.` }])),
});
