import { addDays, badUserInput, todayInFrance } from "@cae/shared";
import { randomUUID } from "node:crypto";
import type { EntityManager } from "typeorm";
import type { EntryDraft, LineDraft, PostingSource, PostingState } from "./entry";
import { LEDGER_NUMBER, type LedgerRole } from "./ledger";
import { POSTING_SOURCES } from "./sources";

/** Which sources to post: every pending one, or only the given IDs of some kinds (what a service just wrote). */
export interface PostingScope {
  only?: Partial<Record<string, readonly string[]>>;
  /** Every pending source of these kinds only (a migration posting the history of the kinds it knows). */
  kinds?: readonly string[];
  /** The validation date of the entries: today (France) by default; the entry's own date when seeding a past year. */
  validatedOn?: "TODAY" | "ENTRY_DATE";
}

interface Item {
  source: PostingSource<unknown>;
  row: unknown;
  date: string;
  seq: bigint;
}

/** A posted entry, as `postSources` wrote it. */
export interface PostedEntry {
  id: string;
  journal: string;
  fiscalYear: number;
  number: number;
  entryDate: string;
  sourceKind: string;
  sourceId: string;
}

const PARAMETERS_PER_STATEMENT = 60_000;

/**
 * Posts the journal entries of sources that have none yet, in the transaction of the caller: the
 * services call it after writing a source, the demo seed once for its year. Entries are numbered
 * per journal and fiscal year with no gap, in the order they are posted (the order of validation the
 * FEC asks for): the counters' rows stay locked until the caller's transaction ends. An entry dated
 * in a locked month is posted on the first open day, its piece keeping its own date.
 */
export async function postSources(manager: EntityManager, scope: PostingScope = {}): Promise<PostedEntry[]> {
  const sources = POSTING_SOURCES.filter(
    (source) => (!scope.only || scope.only[source.kind]?.length) && (!scope.kinds || scope.kinds.includes(source.kind)),
  );
  // One after the other: a transaction is one connection, where pg queues concurrent queries with a warning.
  const loaded: Item[][] = [];
  for (const source of sources) {
    const rows = await source.pending(manager, scope.only?.[source.kind] ?? null);
    loaded.push(rows.map((row): Item => ({ source, row, date: source.date(row), seq: source.seq(row) })));
  }
  const items = loaded.flat().sort((a, b) => compare(a.date, b.date) || a.source.order - b.source.order || compare(a.seq, b.seq));
  if (items.length === 0) return [];

  const idsOf = (pick: (item: Item) => string | null | undefined) => [...new Set(items.map(pick).filter((id): id is string => !!id))];
  const state = await loadState(
    manager,
    idsOf((item) => item.source.documentOf?.(item.row)),
    idsOf((item) => item.source.relatedOf?.(item.row)),
  );
  const drafts: EntryDraft[] = [];
  for (const item of items) {
    const draft = item.source.entry(item.row, state);
    if (!draft) continue;
    assertBalanced(draft);
    state.apply(draft);
    drafts.push(draft);
  }
  return writeEntries(manager, drafts, scope.validatedOn ?? "TODAY");
}

const compare = <T extends string | bigint>(a: T, b: T): number => (a < b ? -1 : a > b ? 1 : 0);

const key = (documentId: string, role: string) => `${documentId}\u0000${role}`;

/** The per-document balances the rules read, loaded in one statement, then moved by each draft of the batch. */
async function loadState(
  manager: EntityManager,
  documents: readonly string[],
  related: readonly string[],
): Promise<PostingState & { apply(draft: EntryDraft): void }> {
  const balances = new Map<string, bigint>();
  const bases = new Map<string, bigint>();
  const posted = new Map<string, LineDraft[]>();
  if (related.length > 0) {
    const rows: {
      source_id: string;
      role: LedgerRole;
      aux_number: string | null;
      aux_label: string | null;
      label: string;
      debit_cents: string;
      credit_cents: string;
      analytic_code: string;
      vat_base_cents: string | null;
    }[] = await manager.query(
      `SELECT e.source_id, l.role, l.aux_number, l.aux_label, l.label, l.debit_cents::text, l.credit_cents::text, l.analytic_code, l.vat_base_cents::text
         FROM journal_entries e JOIN journal_lines l ON l.entry_id = e.id
        WHERE e.source_id = ANY($1::uuid[]) AND l.role IS NOT NULL
        ORDER BY e.source_id, l.position`,
      [related],
    );
    for (const row of rows) {
      const lines = posted.get(row.source_id) ?? [];
      lines.push({
        role: row.role,
        ...(BigInt(row.debit_cents) > 0n ? { debitCents: BigInt(row.debit_cents) } : { creditCents: BigInt(row.credit_cents) }),
        ...(row.aux_number ? { aux: { number: row.aux_number, label: row.aux_label ?? "" } } : {}),
        label: row.label,
        analyticCode: row.analytic_code,
        ...(row.vat_base_cents !== null ? { vatBaseCents: BigInt(row.vat_base_cents) } : {}),
      });
      posted.set(row.source_id, lines);
    }
  }
  if (documents.length > 0) {
    const rows: { document_id: string; role: string; balance: string; base: string }[] = await manager.query(
      `SELECT e.document_id, l.role, sum(l.credit_cents - l.debit_cents)::text AS balance, coalesce(sum(l.vat_base_cents), 0)::text AS base
         FROM journal_entries e JOIN journal_lines l ON l.entry_id = e.id
        WHERE e.document_id = ANY($1::uuid[]) AND l.role IS NOT NULL
        GROUP BY e.document_id, l.role`,
      [documents],
    );
    for (const row of rows) {
      balances.set(key(row.document_id, row.role), BigInt(row.balance));
      bases.set(key(row.document_id, row.role), BigInt(row.base));
    }
  }
  return {
    balance: (documentId: string, role: LedgerRole) => balances.get(key(documentId, role)) ?? 0n,
    vatBase: (documentId: string, role: LedgerRole) => bases.get(key(documentId, role)) ?? 0n,
    linesOf: (sourceId: string) => posted.get(sourceId),
    apply(draft: EntryDraft) {
      posted.set(draft.sourceId, draft.lines);
      if (!draft.documentId) return;
      for (const line of draft.lines) {
        const k = key(draft.documentId, line.role);
        balances.set(k, (balances.get(k) ?? 0n) + (line.creditCents ?? 0n) - (line.debitCents ?? 0n));
        if (line.vatBaseCents !== undefined) bases.set(k, (bases.get(k) ?? 0n) + line.vatBaseCents);
      }
    },
  };
}

/** A rule's bug must never reach the books: the database refuses it too, at commit. */
function assertBalanced(draft: EntryDraft): void {
  let debits = 0n;
  let credits = 0n;
  for (const line of draft.lines) {
    const debit = line.debitCents ?? 0n;
    const credit = line.creditCents ?? 0n;
    if (debit < 0n || credit < 0n || debit > 0n === credit > 0n) {
      throw new Error(`posting ${draft.sourceKind} ${draft.sourceId}: a line is a debit or a credit above zero, not both (${line.role})`);
    }
    debits += debit;
    credits += credit;
  }
  if (draft.lines.length < 2 || debits !== credits) {
    throw new Error(`posting ${draft.sourceKind} ${draft.sourceId}: the entry is not balanced (debit ${debits}, credit ${credits})`);
  }
}

/** Lines of the same role, auxiliary account, label and analytic code are one line (what an accountant expects to read). */
function mergedLines(draft: EntryDraft): LineDraft[] {
  const merged = new Map<string, LineDraft>();
  for (const line of draft.lines) {
    const side = line.debitCents ? "D" : "C";
    const k = [line.role, side, line.aux?.number ?? "", line.label ?? "", line.analyticCode ?? ""].join("\u0000");
    const existing = merged.get(k);
    if (!existing) merged.set(k, { ...line });
    else {
      if (line.debitCents) existing.debitCents = (existing.debitCents ?? 0n) + line.debitCents;
      if (line.creditCents) existing.creditCents = (existing.creditCents ?? 0n) + line.creditCents;
      if (line.vatBaseCents !== undefined) existing.vatBaseCents = (existing.vatBaseCents ?? 0n) + line.vatBaseCents;
    }
  }
  return [...merged.values()];
}

interface LedgerAccount {
  number: string;
  label: string;
}

/** The cooperative's chart, read once per posting: a role's number for a sector, else its own. */
async function loadChart(manager: EntityManager): Promise<(role: LedgerRole, sector: string | null) => LedgerAccount> {
  const rows: { role: string; sector: string | null; number: string; label: string }[] = await manager.query(
    "SELECT role, sector, number, label FROM ledger_accounts",
  );
  const chart = new Map(rows.map((row) => [`${row.role}\u0000${row.sector ?? ""}`, { number: row.number, label: row.label }]));
  return (role, sector) => {
    const account = (sector ? chart.get(`${role}\u0000${sector}`) : undefined) ?? chart.get(`${role}\u0000`);
    if (!account || !LEDGER_NUMBER.test(account.number))
      throw badUserInput(`The chart of accounts maps no account to ${role}`, "ledgerAccounts");
    return account;
  };
}

async function writeEntries(manager: EntityManager, drafts: EntryDraft[], validated: "TODAY" | "ENTRY_DATE"): Promise<PostedEntry[]> {
  if (drafts.length === 0) return [];
  const accountOf = await loadChart(manager);
  // Shared with other posters, exclusive for whoever moves the lock: a month is not closed under an entry being posted in it.
  const [lock]: { locked_through: string }[] = await manager.query(
    "SELECT to_char(locked_through, 'YYYY-MM-DD') AS locked_through FROM books_lock FOR SHARE",
  );
  const firstOpenDay = lock ? addDays(lock.locked_through, 1) : null;
  const today = todayInFrance();
  const dated = drafts.map((draft) => {
    // Never dated after the day it is validated (a month's payroll imported before the month ends is posted that day, its piece keeping its date).
    const asOf = validated === "TODAY" && draft.date > today ? today : draft.date;
    const entryDate = firstOpenDay && asOf < firstOpenDay ? firstOpenDay : asOf;
    return { draft, entryDate, fiscalYear: Number(entryDate.slice(0, 4)) };
  });

  // One counter row per journal and year, moved by the whole batch at once and locked until commit: numbers without gaps.
  const counts = new Map<string, { journal: string; fiscalYear: number; count: number }>();
  for (const { draft, fiscalYear } of dated) {
    const k = `${draft.journal}${fiscalYear}`;
    const group = counts.get(k) ?? { journal: draft.journal, fiscalYear, count: 0 };
    group.count += 1;
    counts.set(k, group);
  }
  const groups = [...counts.values()];
  const lasts: { journal: string; fiscal_year: number; last_number: number }[] = await manager.query(
    `INSERT INTO journal_counters (journal, fiscal_year, last_number)
     SELECT * FROM unnest($1::text[], $2::int[], $3::int[])
     ON CONFLICT (journal, fiscal_year) DO UPDATE SET last_number = journal_counters.last_number + EXCLUDED.last_number
     RETURNING journal, fiscal_year, last_number`,
    [groups.map((g) => g.journal), groups.map((g) => g.fiscalYear), groups.map((g) => g.count)],
  );
  const next = new Map(
    lasts.map((row) => [
      `${row.journal}${row.fiscal_year}`,
      row.last_number - (counts.get(`${row.journal}${row.fiscal_year}`)?.count ?? 0),
    ]),
  );

  const entries: PostedEntry[] = [];
  const entryRows: unknown[][] = [];
  const lineRows: unknown[][] = [];
  for (const { draft, entryDate, fiscalYear } of dated) {
    const k = `${draft.journal}${fiscalYear}`;
    const number = (next.get(k) ?? 0) + 1;
    next.set(k, number);
    const id = randomUUID();
    const validatedOn = validated === "ENTRY_DATE" ? entryDate : today;
    entries.push({ id, journal: draft.journal, fiscalYear, number, entryDate, sourceKind: draft.sourceKind, sourceId: draft.sourceId });
    entryRows.push([
      id,
      draft.journal,
      fiscalYear,
      number,
      entryDate,
      cut(draft.pieceRef, 100),
      draft.pieceDate,
      cut(draft.label, 200),
      draft.sourceKind,
      draft.sourceId,
      draft.documentId ?? null,
      draft.accountId,
      validatedOn,
    ]);
    mergedLines(draft).forEach((line, position) => {
      const account = accountOf(line.role, draft.sector);
      lineRows.push([
        id,
        position,
        line.role,
        account.number,
        account.label,
        line.aux?.number ?? null,
        line.aux ? cut(line.aux.label, 200) : null,
        cut(line.label ?? draft.label, 200),
        (line.debitCents ?? 0n).toString(),
        (line.creditCents ?? 0n).toString(),
        line.analyticCode ?? draft.analyticCode,
        line.vatBaseCents?.toString() ?? null,
      ]);
    });
  }
  await insertRows(
    manager,
    "journal_entries",
    [
      "id",
      "journal",
      "fiscal_year",
      "number",
      "entry_date",
      "piece_ref",
      "piece_date",
      "label",
      "source_kind",
      "source_id",
      "document_id",
      "account_id",
      "validated_on",
    ],
    entryRows,
  );
  await insertRows(
    manager,
    "journal_lines",
    [
      "entry_id",
      "position",
      "role",
      "ledger_number",
      "ledger_label",
      "aux_number",
      "aux_label",
      "label",
      "debit_cents",
      "credit_cents",
      "analytic_code",
      "vat_base_cents",
    ],
    lineRows,
  );
  return entries;
}

/** Texts of the books are bounded (the FEC's readers expect short labels): a longer one is cut, never refused. */
const cut = (text: string, max: number): string => {
  const clean = text.replace(/[\t\r\n]+/g, " ").trim();
  return clean.length <= max ? clean || "-" : `${clean.slice(0, max - 1)}…`;
};

async function insertRows(manager: EntityManager, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  const perStatement = Math.floor(PARAMETERS_PER_STATEMENT / columns.length);
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const values = chunk.map((_, i) => `(${columns.map((__, j) => `$${i * columns.length + j + 1}`).join(", ")})`).join(", ");
    await manager.query(`INSERT INTO ${table} (${columns.join(", ")}) VALUES ${values}`, chunk.flat());
  }
}
