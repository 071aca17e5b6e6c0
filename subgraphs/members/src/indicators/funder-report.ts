import { COOPERATIVE_REPORT_NOTES, funderReport, type FunderReport } from "@cae/shared";
import type { FunderFigures } from "./funder.type";

/** One cooperative's report: its exact figures, under its name, with how to read a cooperative's own figures. */
export const cooperativeFunderReport = (
  figures: FunderFigures,
  period: { from: string; to: string },
  scope: string,
  generatedAt: Date = new Date(),
): FunderReport => funderReport(figures, { scope, ...period, notes: COOPERATIVE_REPORT_NOTES, generatedAt });
