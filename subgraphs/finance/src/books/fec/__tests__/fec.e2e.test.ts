import { startTestNetwork, type TestNetwork } from "@cae/tools";
import { decodeFec, FEC_FIELDS } from "../fec-format";
import { validateFecText } from "../fec-validator";

const COOP = "garonne-activites";
const YEAR = 2026;
const FEC_EXPORT = `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Cooperative {
  fecExport(fiscalYear: ${YEAR}) { fiscalYear fileName entryCount lineCount debitCents creditCents valid failureCount failures { line rule message } downloadPath } } } }`;

/** The FEC through the gateway, as an accountant downloads it: a demo cooperative's posted year, over real HTTP. */
describe("the FEC of a posted year, through the gateway", () => {
  let network: TestNetwork;
  let admin: string;
  let gatewayBase: string;
  let financeBase: string;
  const get = (path: string, token?: string, base = gatewayBase) =>
    fetch(`${base}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const sql = <T>(query: string, parameters: unknown[] = []) =>
    network.subgraph(COOP, "finance").database.dataSource.query(query, parameters) as Promise<T[]>;

  beforeAll(async () => {
    network = await startTestNetwork([COOP], { timeoutMs: 60_000 });
    admin = await network.token({ sub: "admin-g", role: "COOP_ADMIN", coop: COOP });
    gatewayBase = network.gateway.url.replace(/\/graphql$/, "");
    financeBase = network.subgraph(COOP, "finance").url.replace(/\/graphql$/, "");
  }, 300_000);
  afterAll(() => network?.stop());

  it("gives an administrator the year's FEC, streamed, named, valid, its totals the journal's to the cent", async () => {
    const summary = await network.querySubgraph(
      COOP,
      "finance",
      FEC_EXPORT,
      { representations: [{ __typename: "Cooperative", id: COOP }] },
      admin,
    );
    expect(summary.errors).toBeUndefined();
    const report = (summary.data?._entities as { fecExport: Record<string, unknown> }[])[0].fecExport;
    expect(report).toMatchObject({ fiscalYear: YEAR, valid: true, failureCount: 0, failures: [] });
    expect(report.fileName).toMatch(/^\d{9}FEC20261231\.txt$/);
    expect(report.downloadPath).toBe(`/cooperatives/${COOP}/exports/fec?fiscalYear=${YEAR}`);

    const response = await get(report.downloadPath as string, admin);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/plain; charset=ISO-8859-15");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${report.fileName}"`);
    expect(response.headers.get("transfer-encoding")).toBe("chunked");
    const text = decodeFec(new Uint8Array(await response.arrayBuffer()));
    expect(text.slice(0, text.indexOf("\r\n"))).toBe(FEC_FIELDS.join("\t"));

    const checked = validateFecText(text, { fileName: report.fileName as string });
    expect(checked.failures).toEqual([]);
    const [journal] = await sql<{ entries: string; lines: string; debit: string; credit: string }>(
      `SELECT count(DISTINCT e.id)::text AS entries, count(*)::text AS lines, sum(l.debit_cents)::text AS debit, sum(l.credit_cents)::text AS credit
         FROM journal_entries e JOIN journal_lines l ON l.entry_id = e.id WHERE e.fiscal_year = $1`,
      [YEAR],
    );
    expect(Number(journal.entries)).toBeGreaterThan(100);
    expect([checked.entryCount, checked.lineCount, checked.debitCents, checked.creditCents]).toEqual([
      Number(journal.entries),
      Number(journal.lines),
      BigInt(journal.debit),
      BigInt(journal.credit),
    ]);
    expect([report.entryCount, report.lineCount, report.debitCents, report.creditCents]).toEqual([
      checked.entryCount,
      checked.lineCount,
      journal.debit,
      journal.credit,
    ]);
    // Giving the books out is in the audit trail.
    expect(await sql(`SELECT actor_subject, details->>'fileName' AS file FROM audit_events WHERE action = 'exportFec'`)).toEqual([
      { actor_subject: "admin-g", file: report.fileName },
    ]);
  });

  it("gives the journal of a period as a CSV", async () => {
    const response = await get(`/cooperatives/${COOP}/exports/journal.csv?from=2026-03-01&to=2026-03-31`, admin);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8's byte order mark, for spreadsheets
    const records = bytes
      .subarray(3)
      .toString("utf8")
      .split("\r\n")
      .filter((line) => line !== "");
    expect(records[0]).toBe(
      "Journal;Libellé journal;N° écriture;Date;Compte;Libellé compte;Compte auxiliaire;Libellé auxiliaire;Pièce;Date pièce;Libellé;Débit;Crédit;Code analytique;Date de validation",
    );
    const [march] = await sql<{ lines: string }>(
      `SELECT count(*)::text AS lines FROM journal_entries e JOIN journal_lines l ON l.entry_id = e.id WHERE e.entry_date BETWEEN '2026-03-01' AND '2026-03-31'`,
    );
    expect(records.length - 1).toBe(Number(march.lines));
    expect(records[1]).toMatch(/^[A-Z]{2};[^;]+;[A-Z]{2}2026-\d{6};\d\d\/03\/2026;/);
  });

  it("refuses whoever may not have the books, and bad requests, naming why", async () => {
    const counselor = await network.token({ sub: "counselor-g", role: "COUNSELOR", coop: COOP });
    const otherAdmin = await network.token({ sub: "admin-x", role: "COOP_ADMIN", coop: "alpes-entreprendre" });
    const analyst = await network.token({ sub: "analyst", role: "NETWORK_ANALYST" });
    const path = `/cooperatives/${COOP}/exports/fec?fiscalYear=${YEAR}`;
    const refusal = async (response: Response) => ({
      status: response.status,
      code: ((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code,
    });
    expect(await refusal(await get(path))).toEqual({ status: 401, code: "UNAUTHENTICATED" });
    expect(await refusal(await get(path, counselor))).toEqual({ status: 403, code: "FORBIDDEN" });
    expect(await refusal(await get(path, otherAdmin))).toEqual({ status: 403, code: "FORBIDDEN" });
    expect(await refusal(await get(path, analyst))).toEqual({ status: 403, code: "FORBIDDEN" });
    expect(await refusal(await get(`/cooperatives/nowhere/exports/fec?fiscalYear=${YEAR}`, admin))).toEqual({
      status: 404,
      code: "NOT_FOUND",
    });
    expect(await refusal(await get(`/cooperatives/${COOP}/exports/fec?fiscalYear=26`, admin))).toEqual({
      status: 400,
      code: "BAD_USER_INPUT",
    });
    expect(await refusal(await get(`/cooperatives/${COOP}/exports/journal.csv?from=2026-03-01&to=2026-02-01`, admin))).toEqual({
      status: 400,
      code: "BAD_USER_INPUT",
    });
    // Straight to the cooperative's finance subgraph, the same token checks.
    expect(await refusal(await get(`/exports/fec?fiscalYear=${YEAR}`, undefined, financeBase))).toEqual({
      status: 401,
      code: "UNAUTHENTICATED",
    });
    expect(await refusal(await get(`/exports/fec?fiscalYear=${YEAR}`, counselor, financeBase))).toEqual({ status: 403, code: "FORBIDDEN" });
    expect(await refusal(await get(`/exports/fec?fiscalYear=${YEAR}`, otherAdmin, financeBase))).toEqual({
      status: 403,
      code: "FORBIDDEN",
    });
    const graphql = await network.querySubgraph(
      COOP,
      "finance",
      FEC_EXPORT,
      { representations: [{ __typename: "Cooperative", id: COOP }] },
      counselor,
    );
    expect(graphql.errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });

  it("refuses a year whose file fails a rule, with the failures, and gives none of it", async () => {
    // An entry numbered past a gap, written behind the posting's back (the database forbids changing one, not adding one).
    const [{ last }] = await sql<{ last: number }>(
      `SELECT max(number) AS last FROM journal_entries WHERE journal = 'OD' AND fiscal_year = $1`,
      [YEAR],
    );
    // One transaction: the database checks the entry is balanced when it commits.
    await network.subgraph(COOP, "finance").database.dataSource.transaction(async (manager) => {
      const [{ id }] = (await manager.query(
        `INSERT INTO journal_entries (journal, fiscal_year, number, entry_date, piece_ref, piece_date, label, source_kind, source_id, validated_on)
         VALUES ('OD', $1, $2, '2026-11-30', 'TEST-1', '2026-11-30', 'Écriture de test', 'TEST', gen_random_uuid(), '2026-11-30') RETURNING id`,
        [YEAR, Number(last ?? 0) + 2],
      )) as { id: string }[];
      await manager.query(
        `INSERT INTO journal_lines (entry_id, position, ledger_number, ledger_label, label, debit_cents, credit_cents, analytic_code)
         VALUES ($1, 0, '512000', 'Banque', 'Test', 100, 0, 'STRUCTURE'), ($1, 1, '758800', 'Produits', 'Test', 0, 100, 'STRUCTURE')`,
        [id],
      );
    });
    const response = await get(`/cooperatives/${COOP}/exports/fec?fiscalYear=${YEAR}`, admin);
    expect(response.status).toBe(409);
    const body = (await response.json()) as { errors: { extensions: { code: string; failures: { rule: string; line: number }[] } }[] };
    expect(body.errors[0].extensions.code).toBe("CONFLICT");
    expect(body.errors[0].extensions.failures).toContainEqual(expect.objectContaining({ rule: "entry-number" }));
    const summary = await network.querySubgraph(
      COOP,
      "finance",
      FEC_EXPORT,
      { representations: [{ __typename: "Cooperative", id: COOP }] },
      admin,
    );
    const report = (summary.data?._entities as { fecExport: { valid: boolean; failures: { rule: string }[] } }[])[0].fecExport;
    expect(report.valid).toBe(false);
    expect(report.failures.map((failure) => failure.rule)).toContain("entry-number");
  });
});
