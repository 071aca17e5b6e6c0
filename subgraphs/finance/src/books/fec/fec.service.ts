import { codedError, recordAudit, type Caller } from "@cae/shared";
import type { DataSource } from "typeorm";
import { encodeFec, FEC_ENCODING } from "./fec-format";
import { FecValidator, validateFecPages, type FecValidation } from "./fec-validator";
import { fecChunk, fecLinePages, fecSnapshot, type FecSnapshot, type Sql } from "./fec-writer";

/** The FEC of a fiscal year as checked: what `Cooperative.fecExport` tells before a download. */
export interface FecReport {
  snapshot: FecSnapshot;
  validation: FecValidation;
  /** Where the network's gateway gives the file out. */
  downloadPath: string;
}

/** The gateway's path of a cooperative's FEC (gateway/src/exports.ts forwards it to the cooperative's finance subgraph). */
export const fecDownloadPath = (cooperativeId: string, fiscalYear: number) =>
  `/cooperatives/${cooperativeId}/exports/fec?fiscalYear=${fiscalYear}`;

/** The failures a refusal lists: the first ones tell what is wrong; all are counted. */
export const MAX_FAILURES_SHOWN = 100;

const optionsOf = (snapshot: FecSnapshot) => ({ fileName: snapshot.fileName, opensOn: snapshot.opensOn, closesOn: snapshot.closesOn });

/**
 * The first pass: writes the year's file line by line from the database and checks it, keeping
 * nothing but the validator's figures. The file is never held whole, neither here nor in the
 * second pass that sends it (`fecBody`).
 */
export async function checkFec(db: Sql, cooperativeId: string, fiscalYear: number): Promise<FecReport> {
  const snapshot = await fecSnapshot(db, fiscalYear);
  const validation = await validateFecPages(fecLinePages(db, snapshot), optionsOf(snapshot));
  return { snapshot, validation, downloadPath: fecDownloadPath(cooperativeId, fiscalYear) };
}

/**
 * The second pass: the same lines (the snapshot bounds them), encoded in ISO 8859-15, a page at a
 * time. They are checked again as they go: should they differ from the first pass's, the stream
 * fails, and the HTTP layer cuts the connection rather than end a file that was not checked.
 */
export async function* fecBody(db: Sql, snapshot: FecSnapshot): AsyncGenerator<Buffer> {
  const validator = new FecValidator(optionsOf(snapshot));
  for await (const page of fecLinePages(db, snapshot)) {
    for (const line of page) validator.push(line);
    yield encodeFec(fecChunk(page));
  }
  const verdict = validator.end();
  if (!verdict.valid) throw new Error(`the FEC changed between its check and its sending: ${JSON.stringify(verdict.failures.slice(0, 3))}`);
}

/** The FEC's download: checked first, refused with its failures when it fails, recorded in the audit trail, then streamed. */
export async function fecDownload(db: DataSource, cooperativeId: string, caller: Caller, fiscalYear: number) {
  const report = await checkFec(db, cooperativeId, fiscalYear);
  const { snapshot, validation } = report;
  if (!validation.valid) {
    throw codedError(
      "CONFLICT",
      `The FEC of ${fiscalYear} fails ${validation.failureCount} check(s) of LPF art. A47 A-1: it is not given out (see failures)`,
      { field: "fiscalYear", failures: validation.failures.slice(0, MAX_FAILURES_SHOWN) },
    );
  }
  // Giving out the whole books (names of customers and entrepreneurs included) is recorded, as a change would be.
  await recordAudit(db.manager, caller, {
    action: "exportFec",
    entityType: "Cooperative",
    entityId: cooperativeId,
    details: { fiscalYear, fileName: snapshot.fileName, entryCount: validation.entryCount, lineCount: validation.lineCount },
  });
  return {
    headers: {
      "content-type": `text/plain; charset=${FEC_ENCODING}`,
      "content-disposition": `attachment; filename="${snapshot.fileName}"`,
      "cache-control": "no-store",
      "x-fec-entries": String(validation.entryCount),
      "x-fec-lines": String(validation.lineCount),
    },
    body: fecBody(db, snapshot),
  };
}
