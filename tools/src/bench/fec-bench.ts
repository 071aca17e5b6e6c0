import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { addDays, openDatabase, withSiretKey } from "@cae/shared";
import { checkFec, decodeFec, fecBody, FecValidator, fecRecords, finance, postSources, settledStatus } from "@cae/finance";
import type { EntityManager } from "typeorm";

/**
 * `npm run bench:fec`: the FEC of a big year (docs/books.md, "The FEC"). A cooperative of 300
 * activities, its year of invoices (3,000 then 30,000), payments, credit notes and expenses
 * written by SQL INSERTs as the demo seed writes its own, then posted to the journal by the
 * posting rules; then its FEC written, checked and streamed. It prints the time to post, the time
 * to check and to stream the file, its size, and the peak memory of the export, and checks the file
 * with the validator and its totals to the cent against the journal and the invoices.
 *
 *   npm run bench:fec -- [--invoices 3000] (several: --invoices 3000,30000; the default)
 *
 * The database is embedded PostgreSQL (PGlite) in this process: its WebAssembly memory, which holds
 * the whole database, is in the process's RSS and grows with the year; the export's own memory is
 * what the JavaScript heap keeps during the export (measured after forced collections), which the
 * bench shows does not grow with the year.
 */
const args = process.argv.slice(2);
const index = args.indexOf("--invoices");
const SIZES = (index >= 0 ? args[index + 1] : "3000,30000").split(",").map(Number);
if (SIZES.some((size) => !Number.isInteger(size) || size < 1)) throw new Error("--invoices takes whole numbers, such as 3000,30000");
const ACTIVITIES = 300;
const YEAR = 2026;
const COOP = "bench-fec";

type Value = string | number | bigint | null;

/** Multi-row INSERTs, as many rows as PostgreSQL's parameters allow. */
async function insert(manager: EntityManager, table: string, columns: string[], rows: Value[][]) {
  const per = Math.floor(60_000 / columns.length);
  for (let start = 0; start < rows.length; start += per) {
    const chunk = rows.slice(start, start + per);
    const values = chunk.map((_, i) => `(${columns.map((__, j) => `$${i * columns.length + j + 1}`).join(", ")})`).join(", ");
    await manager.query(
      `INSERT INTO ${table} (${columns.join(", ")}) VALUES ${values}`,
      chunk.flat().map((value) => (typeof value === "bigint" ? value.toString() : value)),
    );
  }
}

/** A deterministic sequence (a year is the same on every run). */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/** The year's sources, written as the demo seed writes its own; the invoices' total in cents. */
async function writeYear(manager: EntityManager, invoiceCount: number): Promise<bigint> {
  const next = random(invoiceCount);
  const settingsId = randomUUID();
  await insert(
    manager,
    "finance_settings",
    [
      "id",
      "effective_from",
      "legal_name",
      "siret",
      "vat_number",
      "address",
      "contribution_basis",
      "contribution_brackets",
      "invoice_prefix",
      "credit_note_prefix",
      "payment_terms_days",
      "late_penalty_rate",
      "recovery_fee_cents",
      "vat_exemption_mention",
      "employer_charge_rate",
      "employee_charge_rate",
    ],
    [
      [
        settingsId,
        "2025-01-01",
        "Coopérative du banc d'essai SCOP SARL",
        withSiretKey("7328293200007"),
        "FR44732829320",
        "1 place de la Coopération, 31000 Toulouse",
        "REVENUE",
        JSON.stringify([{ fromCents: "0", rate: "10" }]),
        "F",
        "AV",
        30,
        "12.5",
        4000n,
        "Exonération de TVA, art. 261-4-4° a du CGI",
        "45",
        "22",
      ],
    ],
  );
  const accounts = Array.from({ length: ACTIVITIES }, (_, i) => ({ id: randomUUID(), code: `ACT-${String(i + 1).padStart(4, "0")}` }));
  await insert(
    manager,
    "activity_accounts",
    ["id", "person_id", "analytic_code", "label", "sector", "opened_on"],
    accounts.map((a, i) => [a.id, randomUUID(), a.code, `Activité n° ${i + 1}`, "SERVICES", "2025-01-01"]),
  );
  const customers = accounts.flatMap((a, i) =>
    [0, 1].map((k) => ({ id: randomUUID(), accountId: a.id, name: `Client ${i + 1}-${k + 1} SARL` })),
  );
  await insert(
    manager,
    "customers",
    ["id", "account_id", "name", "kind", "siret", "address", "email"],
    customers.map((c) => [c.id, c.accountId, c.name, "BUSINESS", null, "2 rue du Commerce, 31000 Toulouse", null]),
  );
  const invoices: Value[][] = [];
  const lines: Value[][] = [];
  const payments: Value[][] = [];
  const creditNotes: Value[][] = [];
  const creditLines: Value[][] = [];
  let total = 0n;
  let credits = 0;
  // Issued from 2 January to 25 November, in the order of their numbers.
  for (let i = 0; i < invoiceCount; i++) {
    const customer = customers[Math.floor(next() * customers.length)];
    const issuedOn = addDays(`${YEAR}-01-02`, Math.floor((i * 327) / invoiceCount));
    const net = BigInt(5 * Math.round(2_000 + next() * 200_000)); // a multiple of 5 cents: 20 % of it is whole cents
    const vat = net / 5n;
    const totalCents = net + vat;
    const id = randomUUID();
    const roll = next();
    let paid = 0n;
    let credited = 0n;
    const paidOn = addDays(issuedOn, Math.floor(next() * 30));
    if (roll < 0.8) paid = totalCents;
    else if (roll < 0.9) paid = totalCents / 2n;
    else if (roll < 0.95) {
      credited = totalCents;
      const creditId = randomUUID();
      creditNotes.push([
        creditId,
        id,
        customer.accountId,
        `AV${YEAR}-${String(++credits).padStart(6, "0")}`,
        addDays(issuedOn, 5),
        "Annulation",
        settingsId,
        net,
        vat,
        totalCents,
      ]);
      creditLines.push([creditId, 0, "Prestation annulée", "1", net, "STANDARD_20", net]);
    }
    if (paid > 0n) payments.push([randomUUID(), id, paidOn, paid, "TRANSFER", `VIR-${i + 1}`]);
    total += totalCents;
    const status = settledStatus({ totalCents, paidCents: paid, creditedCents: credited });
    invoices.push([
      id,
      customer.accountId,
      customer.id,
      status,
      `F${YEAR}-${String(i + 1).padStart(6, "0")}`,
      issuedOn,
      addDays(issuedOn, 30),
      30,
      settingsId,
      net,
      vat,
      totalCents,
      paid,
      credited,
    ]);
    lines.push([id, 0, "Prestation", "1", net, "STANDARD_20", net]);
  }
  await manager.query("ALTER TABLE invoice_lines DISABLE TRIGGER invoice_lines_issued_frozen");
  const lineColumns = ["position", "description", "quantity", "unit_price_cents", "vat_rate", "net_cents"];
  await insert(
    manager,
    "invoices",
    [
      "id",
      "account_id",
      "customer_id",
      "status",
      "number",
      "issued_on",
      "due_on",
      "payment_terms_days",
      "settings_id",
      "net_cents",
      "vat_cents",
      "total_cents",
      "paid_cents",
      "credited_cents",
    ],
    invoices,
  );
  await insert(manager, "invoice_lines", ["invoice_id", ...lineColumns], lines);
  await manager.query("ALTER TABLE invoice_lines ENABLE TRIGGER invoice_lines_issued_frozen");
  await insert(
    manager,
    "credit_notes",
    ["id", "invoice_id", "account_id", "number", "issued_on", "reason", "settings_id", "net_cents", "vat_cents", "total_cents"],
    creditNotes,
  );
  await insert(manager, "credit_note_lines", ["credit_note_id", ...lineColumns], creditLines);
  await insert(manager, "payments", ["id", "invoice_id", "received_on", "amount_cents", "method", "reference"], payments);
  const expenses = Array.from({ length: Math.floor(invoiceCount / 3) }, (_, i) => {
    const net = BigInt(5 * Math.round(200 + next() * 20_000));
    return [
      randomUUID(),
      accounts[i % ACTIVITIES].id,
      addDays(`${YEAR}-01-03`, Math.floor((i * 3 * 320) / invoiceCount)),
      i % 2 ? "TRAVEL" : "SUPPLIES",
      "Achat",
      net,
      net / 5n,
      `R-${i + 1}`,
    ];
  });
  await insert(
    manager,
    "expenses",
    ["id", "account_id", "spent_on", "category", "description", "net_cents", "vat_cents", "receipt_reference"],
    expenses,
  );
  return total;
}

/**
 * The memory `work` keeps while it runs: the JavaScript heap right after a full garbage collection,
 * forced every 200 ms (run node with --expose-gc), at its highest, above what it was before; and
 * the RSS's peak growth. A heap's peak without collection would measure when V8 chose to collect,
 * not what the export holds.
 */
async function peakMemory<T>(work: () => Promise<T>): Promise<{ result: T; heapMb: number; rssMb: number }> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error("Run the bench with node --expose-gc (npm run bench:fec does)");
  gc();
  const before = process.memoryUsage();
  let heap = before.heapUsed;
  let rss = before.rss;
  const sample = () => {
    gc();
    const now = process.memoryUsage();
    heap = Math.max(heap, now.heapUsed);
    rss = Math.max(rss, now.rss);
  };
  const timer = setInterval(sample, 200);
  try {
    const result = await work();
    return { result, heapMb: (heap - before.heapUsed) / 1e6, rssMb: (rss - before.rss) / 1e6 };
  } finally {
    clearInterval(timer);
  }
}

async function run(invoiceCount: number) {
  const database = await openDatabase({ kind: "memory" }, finance);
  const db = database.dataSource;
  try {
    const invoicesTotal = await db.transaction((manager) => writeYear(manager, invoiceCount));
    let started = performance.now();
    const posted = await db.transaction((manager) => postSources(manager, { validatedOn: "ENTRY_DATE" }));
    const postSeconds = (performance.now() - started) / 1000;

    let checkSeconds = 0;
    let bytes = 0;
    let salesDebit = 0n;
    const { result, heapMb, rssMb } = await peakMemory(async () => {
      started = performance.now();
      const report = await checkFec(db, COOP, YEAR);
      checkSeconds = (performance.now() - started) / 1000;
      if (!report.validation.valid) throw new Error(`the FEC fails: ${JSON.stringify(report.validation.failures.slice(0, 5))}`);
      // The bytes as a client receives them, read back by a validator of their own, line by line.
      const validator = new FecValidator({ fileName: report.snapshot.fileName });
      let rest = "";
      for await (const chunk of fecBody(db, report.snapshot)) {
        bytes += chunk.length;
        const records = fecRecords(rest + decodeFec(chunk));
        rest = records.pop() ?? "";
        for (const record of records) {
          validator.push(record);
          const fields = record.split("\t");
          if (fields[0] === "VE" && fields[4].startsWith("411")) salesDebit += BigInt(fields[11].replace(",", ""));
        }
      }
      validator.push(rest);
      return { report, verdict: validator.end(), streamSeconds: (performance.now() - started) / 1000 - checkSeconds };
    });
    const { report, verdict, streamSeconds } = result;
    const [journal] = (await db.query(
      `SELECT sum(l.debit_cents)::text AS debit, sum(l.credit_cents)::text AS credit FROM journal_entries e JOIN journal_lines l ON l.entry_id = e.id WHERE e.fiscal_year = $1`,
      [YEAR],
    )) as { debit: string; credit: string }[];
    const exact =
      verdict.valid &&
      verdict.debitCents === BigInt(journal.debit) &&
      verdict.creditCents === BigInt(journal.credit) &&
      verdict.debitCents === verdict.creditCents &&
      salesDebit === invoicesTotal &&
      verdict.entryCount === report.validation.entryCount;
    return {
      invoices: invoiceCount,
      entries: posted.length,
      lines: verdict.lineCount,
      "post (s)": postSeconds.toFixed(1),
      "check (s)": checkSeconds.toFixed(1),
      "stream (s)": streamSeconds.toFixed(1),
      "file (MB)": (bytes / 1e6).toFixed(1),
      "kept heap +MB": heapMb.toFixed(1),
      "peak RSS +MB": rssMb.toFixed(1),
      "valid, exact to the cent": exact ? "yes" : "NO",
    };
  } finally {
    await database.close();
  }
}

async function main() {
  const rows = [];
  for (const size of SIZES) {
    console.error(`${size} invoices: writing, posting, exporting…`);
    rows.push(await run(size));
  }
  console.table(rows);
  if (rows.some((row) => row["valid, exact to the cent"] !== "yes")) {
    console.error("A FEC failed its checks or its totals: see above.");
    process.exit(1);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
