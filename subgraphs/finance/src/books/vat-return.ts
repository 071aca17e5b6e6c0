import { Field, ObjectType } from "type-graphql";
import { CentsScalar, LocalDateScalar } from "@cae/shared";
import type { DataSource } from "typeorm";
import { parseMonth } from "../money/dates";
import { TAXED_RATES, type TaxedRate } from "./ledger";

@ObjectType({ description: "One line of the VAT return form 3310-CA3, with its taxable base where it has one." })
export class VatReturnLine {
  @Field(() => String, { description: 'The line of the form ("08", "9B", "20"…).' })
  line: string;

  @Field(() => String, { description: "What the line declares, as the form says it." })
  label: string;

  @Field(() => CentsScalar, { nullable: true, description: "The taxable base excluding VAT, in cents; null where the line has none." })
  baseCents: bigint | null;

  @Field(() => CentsScalar, { nullable: true, description: "The tax, in cents; null on a line of bases only (A1, E2)." })
  taxCents: bigint | null;
}

@ObjectType({
  description:
    "The monthly VAT return (déclaration 3310-CA3, régime réel normal) read from the journal: the VAT lines posted in the month, box by box, equal to the cent to the VAT accounts' movements.",
})
export class VatReturn {
  @Field(() => LocalDateScalar, { description: "First day of the period." })
  from: string;

  @Field(() => LocalDateScalar, { description: "Last day of the period." })
  to: string;

  @Field(() => [VatReturnLine], { description: "The lines of the form that are not empty, in the form's order." })
  lines: VatReturnLine[];

  @Field(() => CentsScalar, { description: "Line 16: total gross VAT due." })
  grossVatCents: bigint;

  @Field(() => CentsScalar, { description: "Line 23: total deductible VAT." })
  deductibleVatCents: bigint;

  @Field(() => CentsScalar, { description: "Line 28: net VAT due (16 − 23), or 0." })
  netVatDueCents: bigint;

  @Field(() => CentsScalar, { description: "Line 25: VAT credit (23 − 16), or 0." })
  vatCreditCents: bigint;
}

/**
 * Where each rate goes on the form. 8.5 % is the normal rate of Guadeloupe, Martinique and La
 * Réunion (line 10); 2.1 % is declared on line 11 there, and in mainland France on annex 3310-A,
 * carried to line 14.
 */
const RATE_LINES: Record<TaxedRate, { line: string; label: string }> = {
  OVERSEAS_8_5: { line: "10", label: "Taux normal 8,5 % (DOM)" },
  STANDARD_20: { line: "08", label: "Taux normal 20 %" },
  REDUCED_5_5: { line: "09", label: "Taux réduit 5,5 %" },
  INTERMEDIATE_10: { line: "9B", label: "Taux réduit 10 %" },
  SUPER_REDUCED_2_1: { line: "14", label: "Opérations imposables à un taux particulier (2,1 %, annexe 3310-A)" },
};
const UNTAXED_LABELS: Record<string, string> = {
  E1: "Exportations hors UE",
  E2: "Autres opérations non imposables",
  F2: "Livraisons intracommunautaires à destination d'une personne assujettie",
};
const FORM_ORDER = ["A1", "E1", "E2", "F2", "08", "09", "9B", "10", "11", "14", "16", "19", "20", "23", "25", "28"];

/**
 * The VAT return of a month, from the journal only: the VAT made due in the month (collected-VAT
 * accounts, with the bases their lines carry: goods and services on debits when invoiced, services
 * when paid), the VAT deducted (deductible accounts), and sales without VAT (the nets of exempt
 * lines of the month's invoices less credit notes, by ground: exports, intra-EU deliveries, the
 * rest). Three statements.
 */
export async function vatReturn(db: DataSource, month: string): Promise<VatReturn> {
  const { first, last } = parseMonth(month, "month");
  const rows: { role: string; tax: string; base: string }[] = await db.query(
    `SELECT l.role, sum(l.credit_cents - l.debit_cents)::text AS tax, coalesce(sum(l.vat_base_cents), 0)::text AS base
       FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id
      WHERE e.entry_date BETWEEN $1 AND $2 AND (l.role LIKE 'VAT\\_COLLECTED\\_%' OR l.role LIKE 'VAT\\_DEDUCTIBLE\\_%')
      GROUP BY l.role`,
    [first, last],
  );
  const of = (role: string) => rows.find((row) => row.role === role);
  const lines: VatReturnLine[] = [];
  let taxableBase = 0n;
  let gross = 0n;
  const [settings]: { territory: string }[] = await db.query(
    "SELECT territory FROM finance_settings WHERE effective_from <= $1 ORDER BY effective_from DESC LIMIT 1",
    [last],
  );
  const overseas = settings !== undefined && settings.territory !== "MAINLAND";
  for (const rate of TAXED_RATES) {
    const row = of(`VAT_COLLECTED_${rate}`);
    if (!row) continue;
    const base = BigInt(row.base);
    const tax = BigInt(row.tax);
    taxableBase += base;
    gross += tax;
    const place = rate === "SUPER_REDUCED_2_1" && overseas ? { line: "11", label: "Taux réduit 2,1 % (DOM)" } : RATE_LINES[rate];
    lines.push({ ...place, baseCents: base, taxCents: tax });
  }
  // Sales without VAT, by the line of the form their ground goes on: invoices less credit notes of the month.
  const untaxed: { line: string; net: string }[] = await db.query(
    `SELECT CASE WHEN d.reverse_charge IS NULL AND d.ground = 'INTRA_EU_GOODS' THEN 'F2'
                 WHEN d.reverse_charge IS NULL AND d.ground = 'EXPORT' THEN 'E1' ELSE 'E2' END AS line,
            sum(d.net)::text AS net
       FROM (SELECT i.reverse_charge, l.vat_exemption AS ground, l.net_cents AS net
               FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id
              WHERE l.vat_rate = 'EXEMPT' AND i.status <> 'DRAFT' AND i.issued_on BETWEEN $1 AND $2
             UNION ALL
             SELECT i.reverse_charge, l.vat_exemption, -l.net_cents
               FROM credit_note_lines l JOIN credit_notes n ON n.id = l.credit_note_id JOIN invoices i ON i.id = n.invoice_id
              WHERE l.vat_rate = 'EXEMPT' AND n.issued_on BETWEEN $1 AND $2) d
      GROUP BY 1`,
    [first, last],
  );
  lines.push({ line: "A1", label: "Ventes, prestations de services", baseCents: taxableBase, taxCents: null });
  for (const row of untaxed) {
    if (BigInt(row.net) !== 0n) lines.push({ line: row.line, label: UNTAXED_LABELS[row.line], baseCents: BigInt(row.net), taxCents: null });
  }
  const deductible = (role: string) => -BigInt(of(role)?.tax ?? "0");
  const fixedAssets = deductible("VAT_DEDUCTIBLE_FIXED_ASSETS");
  const goodsAndServices = deductible("VAT_DEDUCTIBLE_GOODS_SERVICES");
  const totalDeductible = fixedAssets + goodsAndServices;
  lines.push({ line: "16", label: "Total de la TVA brute due", baseCents: null, taxCents: gross });
  if (fixedAssets !== 0n)
    lines.push({ line: "19", label: "Biens constituant des immobilisations", baseCents: null, taxCents: fixedAssets });
  if (goodsAndServices !== 0n) lines.push({ line: "20", label: "Autres biens et services", baseCents: null, taxCents: goodsAndServices });
  lines.push({ line: "23", label: "Total TVA déductible", baseCents: null, taxCents: totalDeductible });
  const net = gross - totalDeductible;
  lines.push(
    net >= 0n
      ? { line: "28", label: "TVA nette due", baseCents: null, taxCents: net }
      : { line: "25", label: "Crédit de TVA", baseCents: null, taxCents: -net },
  );
  lines.sort((a, b) => FORM_ORDER.indexOf(a.line) - FORM_ORDER.indexOf(b.line));
  return {
    from: first,
    to: last,
    lines,
    grossVatCents: gross,
    deductibleVatCents: totalDeductible,
    netVatDueCents: net > 0n ? net : 0n,
    vatCreditCents: net < 0n ? -net : 0n,
  };
}
