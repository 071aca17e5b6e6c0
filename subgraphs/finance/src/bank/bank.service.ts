import { createHash } from "node:crypto";
import {
  badUserInput,
  conflict,
  encodeId,
  frenchDate,
  notFound,
  ownLocalId,
  pastDate,
  recordAudit,
  requireOwnCooperative,
  type Caller,
  eurosText,
  violatedUniqueIndex,
} from "@cae/shared";
import type { DataSource, EntityManager } from "typeorm";
import { bankEntriesByIds, searchable } from "./bank-entries";
import { BankMatchEntity, BankStatementEntity, BankStatementLineEntity } from "./bank.entity";
import type { ConfirmBankMatchInput, ImportBankStatementInput, RemoveBankMatchInput } from "./bank.type";
import { parseStatementFile, type ParsedLine, type ParsedStatement } from "./parsers";

/** The most operations one import takes (a year of a busy cooperative's account is a few thousand). */
export const MAX_IMPORT_LINES = 10_000;
const ROWS_PER_INSERT = 500;

const key = (account: string, line: { bookingDate: string; amountCents: bigint }, occurrence: number) =>
  `${account}|${line.bookingDate}|${line.amountCents}|${occurrence}`;

/** Each line's rank among the file's lines of the same account, day and amount, in the file's order. */
function occurrences(statements: ParsedStatement[]): Map<ParsedLine, number> {
  const seen = new Map<string, number>();
  const ranks = new Map<ParsedLine, number>();
  for (const statement of statements) {
    for (const line of statement.lines) {
      const base = key(statement.accountIdentifier, line, 0);
      const rank = seen.get(base) ?? 0;
      seen.set(base, rank + 1);
      ranks.set(line, rank);
    }
  }
  return ranks;
}

/**
 * Imports a bank statement file: all of it, or nothing. A file imported already (the same bytes),
 * or a camt.053 statement already imported for its account (same Stmt/Id), is refused (CONFLICT).
 * Otherwise lines are kept once per account: a line of the same account, booking day and amount
 * as one imported before, at the same rank among that day's equal amounts, is the same operation
 * (banks' exports overlap: last 30 days, every week) and is left out, counted; a file that brings
 * nothing new is refused (CONFLICT). Imports are serialised, so two at once cannot both bring a line.
 */
export async function importBankStatement(db: DataSource, cooperativeId: string, actor: Caller, input: ImportBankStatementInput) {
  requireOwnCooperative(input.cooperativeId, cooperativeId);
  if (input.content.trim() === "") throw badUserInput("input.content is empty: give the statement file's text", "input.content");
  if (input.format !== "CSV" && input.mapping) throw badUserInput("input.mapping is for CSV files only", "input.mapping");
  const statements = parseStatementFile(input.format, input.content, input.mapping);
  const lineTotal = statements.reduce((total, statement) => total + statement.lines.length, 0);
  if (lineTotal > MAX_IMPORT_LINES) {
    throw badUserInput(
      `The file holds ${lineTotal} operations, more than ${MAX_IMPORT_LINES}: import it in parts (by month)`,
      "input.content",
    );
  }
  for (const statement of statements) {
    for (const line of statement.lines) {
      try {
        pastDate(line.bookingDate, "input.content");
      } catch {
        throw badUserInput(
          `line ${line.sourceLine} of the file: booking date ${line.bookingDate} is in the future or before 1990`,
          "input.content",
        );
      }
    }
  }
  const sha = createHash("sha256").update(input.content).digest("hex");
  const ranks = occurrences(statements);

  return db.transaction(async (manager) => {
    // One import at a time: the duplicate checks below then see every line committed before.
    await manager.query(`LOCK TABLE bank_statements IN SHARE ROW EXCLUSIVE MODE`);
    const [same] = await manager.query(
      `SELECT to_char(imported_at AT TIME ZONE 'Europe/Paris', 'YYYY-MM-DD') AS day FROM bank_statements WHERE content_sha256 = $1 LIMIT 1`,
      [sha],
    );
    if (same) throw conflict(`This file was imported already, on ${frenchDate(same.day)}`, "input.content");
    const refs = statements.filter((statement) => statement.statementRef !== null);
    if (refs.length > 0) {
      const [known] = await manager.query(
        `SELECT account_identifier, statement_ref FROM bank_statements
          WHERE (account_identifier, statement_ref) IN (SELECT * FROM unnest($1::text[], $2::text[])) LIMIT 1`,
        [refs.map((statement) => statement.accountIdentifier), refs.map((statement) => statement.statementRef)],
      );
      if (known) {
        throw conflict(`Statement ${known.statement_ref} of account ${known.account_identifier} was imported already`, "input.content");
      }
    }
    const days = statements.flatMap((statement) => statement.lines.map((line) => line.bookingDate)).sort();
    const existing = new Set<string>();
    if (days.length > 0) {
      const rows: { account_identifier: string; booking_date: string; amount_cents: string; occurrence: number }[] = await manager.query(
        `SELECT account_identifier, to_char(booking_date, 'YYYY-MM-DD') AS booking_date, amount_cents::text, occurrence
           FROM bank_statement_lines WHERE account_identifier = ANY($1::text[]) AND booking_date BETWEEN $2 AND $3`,
        [[...new Set(statements.map((statement) => statement.accountIdentifier))], days[0], days[days.length - 1]],
      );
      for (const row of rows) {
        existing.add(key(row.account_identifier, { bookingDate: row.booking_date, amountCents: BigInt(row.amount_cents) }, row.occurrence));
      }
    }

    const saved: BankStatementEntity[] = [];
    let imported = 0;
    let skipped = 0;
    for (const statement of statements) {
      const fresh = statement.lines.filter((line) => !existing.has(key(statement.accountIdentifier, line, ranks.get(line)!)));
      const duplicates = statement.lines.length - fresh.length;
      skipped += duplicates;
      // A statement whose every line is known adds nothing (an empty statement with balances still counts).
      if (fresh.length === 0 && statement.lines.length > 0) continue;
      const repository = manager.getRepository(BankStatementEntity);
      const entity = await repository.save(
        repository.create({
          format: input.format,
          accountIdentifier: statement.accountIdentifier,
          statementRef: statement.statementRef,
          fromDate: statement.fromDate,
          toDate: statement.toDate,
          openingBalanceCents: statement.openingBalanceCents,
          closingBalanceCents: statement.closingBalanceCents,
          contentSha256: sha,
          lineCount: fresh.length,
          skippedDuplicates: duplicates,
          importedBy: actor.subject,
        }),
      );
      await insertLines(manager, entity, fresh, ranks);
      imported += fresh.length;
      saved.push(entity);
    }
    if (imported === 0 && lineTotal > 0) {
      throw conflict(`Every operation of this file was imported already (${skipped} line${skipped === 1 ? "" : "s"})`, "input.content");
    }
    for (const entity of saved) {
      await recordAudit(manager, actor, {
        action: "importBankStatement",
        entityType: "BankStatement",
        entityId: encodeId(cooperativeId, entity.id),
        // The file itself is not kept in the audit row: its lines are in the tables, its hash here.
        details: {
          format: input.format,
          mapping: input.mapping ?? null,
          contentSha256: sha,
          accountIdentifier: entity.accountIdentifier,
          statementRef: entity.statementRef,
          fromDate: entity.fromDate,
          toDate: entity.toDate,
          lineCount: entity.lineCount,
          skippedDuplicates: entity.skippedDuplicates,
        },
      });
    }
    const statementsSaved = await manager
      .getRepository(BankStatementEntity)
      .find({ where: saved.map((entity) => ({ id: entity.id })), order: { seq: "ASC" } });
    return { statements: statementsSaved, importedLineCount: imported, skippedDuplicateCount: skipped };
  });
}

async function insertLines(manager: EntityManager, statement: BankStatementEntity, lines: ParsedLine[], ranks: Map<ParsedLine, number>) {
  const COLUMNS = 14;
  for (let start = 0; start < lines.length; start += ROWS_PER_INSERT) {
    const chunk = lines.slice(start, start + ROWS_PER_INSERT);
    const values = chunk.flatMap((line, i) => [
      statement.id,
      start + i,
      statement.accountIdentifier,
      line.bookingDate,
      line.valueDate,
      line.amountCents.toString(),
      ranks.get(line)!,
      line.label,
      line.counterparty,
      line.bankReference,
      line.endToEndId,
      line.remittance,
      searchable(line.label, line.remittance, line.endToEndId, line.bankReference),
      line.sourceLine,
    ]);
    await manager.query(
      `INSERT INTO bank_statement_lines (statement_id, position, account_identifier, booking_date, value_date, amount_cents, occurrence,
         label, counterparty, bank_reference, end_to_end_id, remittance, search_text, source_line)
       VALUES ${chunk.map((_, i) => `(${Array.from({ length: COLUMNS }, (__, c) => `$${i * COLUMNS + c + 1}`).join(", ")})`).join(", ")}`,
      values,
    );
  }
}

async function requireLine(manager: EntityManager, cooperativeId: string, statementLineId: string) {
  const id = ownLocalId(statementLineId, cooperativeId, "input.statementLineId");
  const line = await manager.getRepository(BankStatementLineEntity).findOneBy({ id });
  if (!line) throw notFound(`No statement line ${statementLineId}`, "input.statementLineId");
  return line;
}

/** As the books name an entry: "BQ2026-000042". */
const entryName = (entry: { journal: string; fiscal_year: number; number: number }) =>
  `${entry.journal}${entry.fiscal_year}-${String(entry.number).padStart(6, "0")}`;

/**
 * Confirms that a journal entry is a statement line's side in the books. One line, one entry: a
 * line or an entry matched already is a CONFLICT (undo the other match first). The entry must move
 * the bank account by exactly the line's amount, sign included (a difference, bank fees say, is an
 * entry of its own): anything else is a CONFLICT naming both amounts.
 */
export async function confirmBankMatch(db: DataSource, cooperativeId: string, actor: Caller, input: ConfirmBankMatchInput) {
  const entryId = ownLocalId(input.journalEntryId, cooperativeId, "input.journalEntryId");
  return db
    .transaction(async (manager) => {
      const line = await requireLine(manager, cooperativeId, input.statementLineId);
      const [entry] = await bankEntriesByIds(manager, [entryId]);
      if (!entry) {
        const [exists] = await manager.query(`SELECT 1 FROM journal_entries WHERE id = $1`, [entryId]);
        if (!exists) throw notFound(`No journal entry ${input.journalEntryId}`, "input.journalEntryId");
        throw badUserInput(
          `Journal entry ${input.journalEntryId} does not move the bank account (no line on the BANK role)`,
          "input.journalEntryId",
        );
      }
      const amount = BigInt(entry.amount_cents);
      if (amount !== line.amountCents) {
        throw conflict(
          `Journal entry ${entryName(entry)} moves ${eurosText(amount)} on the bank account, the statement line ${eurosText(line.amountCents)}: a match is to the cent`,
          "input.journalEntryId",
        );
      }
      const matches = manager.getRepository(BankMatchEntity);
      const ofLine = await matches.findOneBy({ statementLineId: line.id });
      if (ofLine) {
        if (ofLine.journalEntryId === entryId) throw conflict("This line is matched to this entry already", "input.statementLineId");
        throw conflict("This statement line is matched to another journal entry: remove that match first", "input.statementLineId");
      }
      if (await matches.findOneBy({ journalEntryId: entryId })) {
        throw conflict(`Journal entry ${entryName(entry)} is matched to another statement line`, "input.journalEntryId");
      }
      await matches.insert({ statementLineId: line.id, journalEntryId: entryId, matchedBy: actor.subject });
      await recordAudit(manager, actor, {
        action: "confirmBankMatch",
        entityType: "BankStatementLine",
        entityId: encodeId(cooperativeId, line.id),
        details: {
          ...input,
          entry: entryName(entry),
          amountCents: line.amountCents.toString(),
          bookingDate: line.bookingDate,
          entryDate: entry.entry_date,
        },
      });
      return line;
    })
    .catch((error: unknown) => {
      // Two people confirming at once: the second meets the unique constraints, and is told so.
      if (violatedUniqueIndex(error) !== undefined)
        throw conflict("The line or the entry was matched meanwhile; read them again", "input.statementLineId");
      throw error;
    });
}

/** Undoes a match; the line and the entry are unmatched again (and suggested again). */
export async function removeBankMatch(db: DataSource, cooperativeId: string, actor: Caller, input: RemoveBankMatchInput) {
  return db.transaction(async (manager) => {
    const line = await requireLine(manager, cooperativeId, input.statementLineId);
    const [removed]: { journal_entry_id: string }[] = await manager.query(
      `SELECT journal_entry_id FROM bank_matches WHERE statement_line_id = $1 FOR UPDATE`,
      [line.id],
    );
    if (!removed) throw conflict("This statement line is not matched", "input.statementLineId");
    await manager.getRepository(BankMatchEntity).delete({ statementLineId: line.id });
    await recordAudit(manager, actor, {
      action: "removeBankMatch",
      entityType: "BankStatementLine",
      entityId: encodeId(cooperativeId, line.id),
      details: { ...input, journalEntryId: encodeId(cooperativeId, removed.journal_entry_id) },
    });
    return line;
  });
}
