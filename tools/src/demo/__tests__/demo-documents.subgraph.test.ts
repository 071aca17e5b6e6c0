import { contracts } from "@cae/contracts";
import { finance } from "@cae/finance";
import type { SubgraphServer } from "@cae/shared";
import { databaseBackends } from "../../testing/database";
import { pdfText } from "../../testing/pdf";
import { ENTITIES_QUERY, execute, startTestSubgraph, testCaller } from "../../testing/subgraph";

const COOP = "garonne-activites";
const PROFILE = { legalName: "Garonne Activités SCOP SARL", siret: "73282932000074", address: "1 place de la Coopération, 31000 Toulouse" };
const staff = testCaller("COUNSELOR", COOP);
type Server = SubgraphServer<unknown> & { stop(): Promise<void> };

/** What every CESA says, whatever its figures (Code du travail L7331-2 2° a to f). */
const CESA_MENTIONS = [
  "Contrat d'entrepreneur salarié associé",
  "Objectifs :",
  "Activité minimale :",
  "Contrôle de l'activité :",
  "services mutualisés",
  "Part fixe de la rémunération brute mensuelle :",
  "Part variable :",
  "statuts de la coopérative en vigueur",
  "propriété intellectuelle",
  "Contrat signé le",
];
/** What every CAPE says (Code de commerce R127-1), under its legal title. */
const CAPE_MENTIONS = [
  "Contrat d'appui au projet d'entreprise pour la création ou la reprise d'une activité économique",
  "Programme d'appui avant le début de l'activité",
  "Programme d'appui après le début de l'activité",
  "Nature des engagements que le bénéficiaire peut prendre à l'égard des tiers",
  "Montant maximal",
  "Prise en charge",
  "Protection sociale du bénéficiaire",
  "12 mois au plus",
  "Contrat signé le",
];
/** What every invoice says (CGI 242 nonies A, Code de commerce R123-237, L441-9 and L441-10). */
const INVOICE_MENTIONS = [
  "FACTURE N°",
  "SIRET",
  "N° TVA intracommunautaire",
  "Date d'émission",
  "Date d'échéance",
  "RCS",
  "Pénalités de retard",
  "Total TTC",
];

/**
 * Every signed contract of the demo data, and invoices of every status and kind of customer, printed
 * and read back: the demo is what people try first, its documents must hold before the law too.
 */
describe.each(databaseBackends())("the demo's documents, printed and read back, on %s PostgreSQL", (backend) => {
  let contractsServer: Server;
  let financeServer: Server;
  beforeAll(async () => {
    contractsServer = (await startTestSubgraph(contracts, COOP, backend)) as Server;
    financeServer = (await startTestSubgraph(finance, COOP, backend)) as Server;
  });
  afterAll(async () => {
    await contractsServer?.stop();
    await financeServer?.stop();
  });

  it("prints every signed CESA and CAPE with the content the law requires", async () => {
    const rows: { id: string; person_id: string; kind: string }[] = await contractsServer.database.dataSource.query(
      `SELECT id, person_id, kind FROM contracts WHERE status IN ('SIGNED', 'ENDED') AND kind IN ('EMPLOYMENT', 'SUPPORT_AGREEMENT') ORDER BY id`,
    );
    expect(rows.filter((row) => row.kind === "EMPLOYMENT").length).toBeGreaterThan(5);
    expect(rows.filter((row) => row.kind === "SUPPORT_AGREEMENT").length).toBeGreaterThan(5);
    const result = await execute(
      contractsServer,
      ENTITIES_QUERY("... on Contract { pdf }"),
      {
        representations: rows.map((row) => ({
          __typename: "Contract",
          id: `${COOP}:${row.id}`,
          person: { __typename: "Person", id: `${COOP}:${row.person_id}`, firstName: "Prénom", lastName: "Nom" },
          cooperative: { __typename: "Cooperative", id: COOP, profile: PROFILE },
        })),
      },
      staff,
    );
    expect(result.errors).toBeUndefined();
    const printed = result.data?._entities as { pdf: string }[];
    const missing: string[] = [];
    for (const [i, row] of rows.entries()) {
      const text = await pdfText(printed[i].pdf);
      for (const mention of row.kind === "EMPLOYMENT" ? CESA_MENTIONS : CAPE_MENTIONS) {
        if (!text.includes(mention)) missing.push(`${row.kind} ${row.id}: ${mention}`);
      }
      if (row.kind === "SUPPORT_AGREEMENT" && /convention/i.test(text)) missing.push(`${row.id}: called a "convention"`);
    }
    expect(missing).toEqual([]);
  });

  it("prints invoices of every status, to businesses and to private customers, with every mention", async () => {
    const rows: { id: string; number: string; kind: string }[] = await financeServer.database.dataSource.query(
      `SELECT DISTINCT ON (i.status, c.kind) i.id, i.number, c.kind FROM invoices i JOIN customers c ON c.id = i.customer_id
        WHERE i.status <> 'DRAFT' ORDER BY i.status, c.kind, i.seq`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(6);
    for (const row of rows) {
      const result = await execute(
        financeServer,
        `query ($representations: [_Any!]!, $id: ID!) { _entities(representations: $representations) { ... on Cooperative { invoice(id: $id) { pdf } } } }`,
        { representations: [{ __typename: "Cooperative", id: COOP }], id: `${COOP}:${row.id}` },
        staff,
      );
      expect(result.errors).toBeUndefined();
      const text = await pdfText((result.data?._entities as { invoice: { pdf: string } }[])[0].invoice.pdf);
      const expected = [
        ...INVOICE_MENTIONS,
        row.number,
        ...(row.kind === "BUSINESS" ? ["Indemnité forfaitaire pour frais de recouvrement : 40.00 EUR"] : []),
      ];
      expect(expected.filter((mention) => !text.includes(mention))).toEqual([]);
    }
  });
});
