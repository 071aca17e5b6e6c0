import { readFileSync } from "node:fs";
import { join } from "node:path";
import { validateXML } from "xmllint-wasm";
import { frenchDateTime, pain001, sepaAmount } from "../pain001";
import { sepaId, sepaText } from "../sepa-text";

const XSD = readFileSync(join(__dirname, "..", "schema", "pain.001.001.03.xsd"), "utf8");

/** Validates a file against the ISO 20022 schema with xmllint (compiled to WebAssembly: no system package). */
export async function schemaErrors(xml: string): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: "transfer.xml", contents: xml }],
    schema: [{ fileName: "pain.001.001.03.xsd", contents: XSD }],
  });
  return result.errors.map((error) => error.message);
}

describe("the pain.001.001.03 file", () => {
  const batch = {
    messageId: "VIR-2026-000001",
    createdAt: "2026-12-01T22:35:08",
    requestedExecutionOn: "2026-12-03",
    debtor: { name: "Garonne Activités SCOP SARL & associés", iban: "FR7630006000011234567890189", bic: "AGRIFRPP" },
    transactions: [
      {
        endToEndId: "VIR-2026-000001-1",
        amountCents: 123450n,
        creditor: { name: "Scierie d'Œuvre Müller – Bois & Dérivés", iban: "DE89370400440532013000", bic: "COBADEFFXXX" },
        remittance: "Facture 2026/118",
      },
      {
        endToEndId: "VIR-2026-000001-2",
        amountCents: 5n,
        creditor: { name: "Zoé Ærø", iban: "FR1420041010050500013M02606", bic: null },
        remittance: "Note de frais ACT-0001 2026-11",
      },
    ],
  };

  it("is valid against the ISO 20022 schema, with the count, control sum and amounts exact", async () => {
    const xml = pain001(batch);
    expect(await schemaErrors(xml)).toEqual([]);
    expect(xml).toContain("<NbOfTxs>2</NbOfTxs>");
    expect(xml.match(/<CtrlSum>1234.55<\/CtrlSum>/g)).toHaveLength(2);
    expect(xml).toContain('<InstdAmt Ccy="EUR">1234.50</InstdAmt>');
    expect(xml).toContain('<InstdAmt Ccy="EUR">0.05</InstdAmt>');
    expect(xml).toContain("<Nm>Garonne Activites SCOP SARL + associes</Nm>");
    expect(xml).toContain("<Nm>Scierie d&apos;OEuvre Muller - Bois + Derives</Nm>");
    expect(xml).toContain("<Nm>Zoe AEro</Nm>");
    expect(xml).toContain("<EndToEndId>VIR-2026-000001-2</EndToEndId>");
    expect(xml).toContain("<Ustrd>Facture 2026/118</Ustrd>");
    expect(xml).toContain("<ReqdExctnDt>2026-12-03</ReqdExctnDt>");
  });

  it("is refused by the schema when broken (the validation is not vacuous)", async () => {
    const broken = pain001(batch).replace("<ChrgBr>SLEV</ChrgBr>", "<ChrgBr>ANY</ChrgBr>");
    expect((await schemaErrors(broken)).join("\n")).toMatch(/ChrgBr/);
    const badAmount = pain001(batch).replace('<InstdAmt Ccy="EUR">0.05</InstdAmt>', '<InstdAmt Ccy="EUR">0,05</InstdAmt>');
    expect((await schemaErrors(badAmount)).join("\n")).toMatch(/InstdAmt/);
  });

  it("reduces texts to the SEPA character set and cuts names to 70 characters", async () => {
    expect(sepaText("Ébénisterie « L'Atelier » — Straße 5 #2 @home", 70)).toBe("Ebenisterie ' L'Atelier ' - Strasse 5 2 home");
    const long = pain001({ ...batch, debtor: { ...batch.debtor, name: "Coopérative ".repeat(10) } });
    expect(long).toContain(`<Nm>${"Cooperative ".repeat(5)}Cooperativ</Nm>`);
    expect(await schemaErrors(long)).toEqual([]);
    expect(sepaId("//VIR 2026//1/")).toBe("VIR2026/1");
    expect(sepaAmount(100000000000n)).toBe("1000000000.00");
    expect(frenchDateTime(new Date("2026-07-01T10:00:00Z"))).toBe("2026-07-01T12:00:00");
    expect(frenchDateTime(new Date("2026-12-01T10:00:00Z"))).toBe("2026-12-01T11:00:00");
  });
});
