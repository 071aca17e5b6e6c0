import { badUserInput, conflict, recordAudit, todayInFrance, type Caller, type Sector } from "@cae/shared";
import type { DataSource } from "typeorm";
import { parseMonth } from "../money/dates";
import { DEFAULT_LEDGER, LEDGER_NUMBER, LEDGER_ROLES, SECTOR_ROLES, type LedgerRole } from "./ledger";
import type { LedgerAccount, SetLedgerAccountInput, TrialBalance } from "./books.type";

interface LedgerRow {
  role: LedgerRole;
  sector: Sector | null;
  number: string;
  label: string;
}

/** The cooperative's chart: every role with its number, then the per-sector mappings. */
export async function ledgerAccounts(db: DataSource): Promise<LedgerAccount[]> {
  const rows: LedgerRow[] = await db.query("SELECT role, sector, number, label FROM ledger_accounts");
  const order = new Map(LEDGER_ROLES.map((role, i) => [role, i]));
  return rows
    .filter((row) => order.has(row.role))
    .sort((a, b) => (order.get(a.role) ?? 0) - (order.get(b.role) ?? 0) || (a.sector ?? "").localeCompare(b.sector ?? ""))
    .map((row) => ({ ...row, description: DEFAULT_LEDGER[row.role].description }));
}

/** Maps a role (or a revenue role for one sector) to an account: entries posted from now on use it, posted ones keep theirs. */
export async function setLedgerAccount(db: DataSource, actor: Caller, input: SetLedgerAccountInput): Promise<LedgerAccount> {
  if (!(LEDGER_ROLES as readonly string[]).includes(input.role)) {
    throw badUserInput(`"${input.role}" is not a role of the chart: one of ${LEDGER_ROLES.join(", ")}`, "input.role");
  }
  const role = input.role as LedgerRole;
  const sector = input.sector ?? null;
  if (sector && !SECTOR_ROLES.includes(role))
    throw badUserInput(`Only ${SECTOR_ROLES.join(" and ")} are mapped per sector`, "input.sector");
  const number = input.number.trim().toUpperCase();
  if (!LEDGER_NUMBER.test(number)) {
    throw badUserInput(
      `"${input.number}" is not an account number: 3 PCG digits (1 to 8 first), then up to 17 digits or capital letters`,
      "input.number",
    );
  }
  const label = input.label.trim();
  if (label.length < 1 || label.length > 200) throw badUserInput("The label is 1 to 200 characters", "input.label");
  return db.transaction(async (manager) => {
    await manager.query(
      `INSERT INTO ledger_accounts (role, sector, number, label) VALUES ($1, $2, $3, $4)
       ON CONFLICT (role, coalesce(sector, '')) DO UPDATE SET number = EXCLUDED.number, label = EXCLUDED.label, updated_at = now()`,
      [role, sector, number, label],
    );
    await recordAudit(manager, actor, {
      action: "setLedgerAccount",
      entityType: "LedgerAccount",
      entityId: role,
      details: { ...input, number },
    });
    return { role, sector, number, label, description: DEFAULT_LEDGER[role].description };
  });
}

export async function booksLockedThrough(db: DataSource): Promise<string | null> {
  const [row]: { locked_through: string }[] = await db.query(
    "SELECT to_char(locked_through, 'YYYY-MM-DD') AS locked_through FROM books_lock",
  );
  return row?.locked_through ?? null;
}

/**
 * Closes the books through a month that is over: nothing is posted on it any more, a late
 * operation dated in it is posted on the first open day (its piece keeps its date). A closed month
 * never reopens: the past is corrected by new entries, never edited.
 */
export async function lockBooks(db: DataSource, actor: Caller, through: string): Promise<string> {
  const { last } = parseMonth(through, "input.through");
  if (last >= todayInFrance()) throw badUserInput(`The month ${through} is not over: it is closed once it is`, "input.through");
  return db.transaction(async (manager) => {
    // Waits for entries being posted (they hold it in share mode) and keeps new ones out until the lock moves.
    await manager.query("LOCK TABLE books_lock IN EXCLUSIVE MODE");
    const [current]: { locked_through: string }[] = await manager.query(
      "SELECT to_char(locked_through, 'YYYY-MM-DD') AS locked_through FROM books_lock",
    );
    if (current && current.locked_through >= last) {
      throw conflict(`The books are already closed through ${current.locked_through}: a closed month never reopens`, "input.through");
    }
    await manager.query(
      `INSERT INTO books_lock (singleton, locked_through) VALUES (true, $1)
       ON CONFLICT (singleton) DO UPDATE SET locked_through = EXCLUDED.locked_through, updated_at = now()`,
      [last],
    );
    await recordAudit(manager, actor, {
      action: "lockBooks",
      entityType: "Cooperative",
      entityId: "books",
      details: { through, lockedThrough: last, before: current?.locked_through ?? null },
    });
    return last;
  });
}

/** Every account moved in a period with its debits and credits: one statement. */
export async function trialBalance(db: DataSource, from: string, to: string): Promise<TrialBalance> {
  if (from > to) throw badUserInput("from must be on or before to", "from");
  const rows: { ledger_number: string; ledger_label: string; debit: string; credit: string }[] = await db.query(
    `SELECT l.ledger_number, (array_agg(l.ledger_label ORDER BY e.entry_date DESC, e.number DESC))[1] AS ledger_label,
            sum(l.debit_cents)::text AS debit, sum(l.credit_cents)::text AS credit
       FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id
      WHERE e.entry_date BETWEEN $1 AND $2
      GROUP BY l.ledger_number ORDER BY l.ledger_number`,
    [from, to],
  );
  const accounts = rows.map((row) => ({
    ledgerNumber: row.ledger_number,
    ledgerLabel: row.ledger_label,
    debitCents: BigInt(row.debit),
    creditCents: BigInt(row.credit),
    balanceCents: BigInt(row.debit) - BigInt(row.credit),
  }));
  return {
    from,
    to,
    accounts,
    debitCents: accounts.reduce((sum, account) => sum + account.debitCents, 0n),
    creditCents: accounts.reduce((sum, account) => sum + account.creditCents, 0n),
  };
}
