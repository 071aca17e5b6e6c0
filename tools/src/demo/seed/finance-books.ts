import { addDays, monthsOverlapping, type Sector } from "@cae/shared";
import {
  between,
  DEMO_TODAY,
  demoProfile,
  demoSiret,
  demoUuid,
  generateDemoCooperative,
  pick,
  randomSiret,
  seededRandom,
  type DemoCooperative,
} from "..";
import {
  accountBrackets,
  monthlyContribution,
  storedParts,
  settledStatus,
  formatNumber,
  documentTotals,
  formatQuantity,
  parseRate,
  lastDayOfMonth,
  vatNumberOf,
  type MonthFigures,
  type StoredPart,
  type CustomerKind,
  type ExpenseCategory,
  type InvoiceStatus,
  type LineRow,
  type Bracket,
  type VatRate,
  type PaymentMethod,
  type ContributionBasis,
  type StoredBracket,
} from "@cae/finance";

/**
 * The finance demo of a cooperative: a year of books (November 2025 to October 2026, before the
 * demo's frozen today) for each activity account of the shared demo generator. Deterministic:
 * the cooperative's ID seeds everything, so a restart or another machine gets the same books.
 */
export interface FinanceDemo {
  settings: {
    id: string;
    effectiveFrom: string;
    legalName: string;
    siret: string;
    vatNumber: string;
    address: string;
    contributionBasis: ContributionBasis;
    contributionBrackets: StoredBracket[];
    invoicePrefix: string;
    creditNotePrefix: string;
    paymentTermsDays: number;
    latePenaltyRate: string;
    employerChargeRate: string;
    employeeChargeRate: string;
  };
  accounts: DemoCooperative["accounts"];
  customers: {
    id: string;
    accountId: string;
    name: string;
    kind: CustomerKind;
    siret: string | null;
    address: string;
    email: string | null;
  }[];
  invoices: DemoInvoice[];
  lines: (LineRow & { invoiceId: string })[];
  creditNotes: {
    id: string;
    invoiceId: string;
    accountId: string;
    number: string;
    issuedOn: string;
    reason: string;
    netCents: bigint;
    vatCents: bigint;
    totalCents: bigint;
  }[];
  creditNoteLines: (LineRow & { creditNoteId: string })[];
  payments: { id: string; invoiceId: string; receivedOn: string; amountCents: bigint; method: PaymentMethod; reference: string | null }[];
  expenses: {
    id: string;
    accountId: string;
    spentOn: string;
    category: ExpenseCategory;
    description: string;
    netCents: bigint;
    vatCents: bigint;
    receiptReference: string;
  }[];
  contributions: {
    id: string;
    accountId: string;
    month: string;
    basis: ContributionBasis;
    basisCents: bigint;
    yearBasisBeforeCents: bigint;
    parts: StoredPart[];
    amountCents: bigint;
  }[];
  salaryCosts: { id: string; accountId: string; month: string; amountCents: bigint }[];
  series: { kind: "INVOICE" | "CREDIT_NOTE"; year: number; lastNumber: number; lastIssuedOn: string }[];
}

export interface DemoInvoice {
  id: string;
  accountId: string;
  customerId: string;
  status: InvoiceStatus;
  number: string;
  issuedOn: string;
  dueOn: string;
  paymentTermsDays: number;
  netCents: bigint;
  vatCents: bigint;
  totalCents: bigint;
  paidCents: bigint;
  creditedCents: bigint;
}

export const DEMO_BOOKS_FROM = "2025-11-01";
/** The last day of the books: the day before the demo's today. */
export const DEMO_BOOKS_TO = addDays(DEMO_TODAY, -1);

/** The offers that sell goods (VAT due on delivery); every other one is a service (VAT due on receipt). */
const GOODS = new Set([
  "Pièce sur mesure",
  "Série de pièces",
  "Support de cours",
  "Fournitures posées",
  "Ventes du marché",
  "Paniers de légumes",
  "Vente en gros (kg)",
]);

/** What each sector sells: a line's description, its unit, a unit price range in euros, its VAT rate. */
const OFFERS: Record<Sector, readonly [string, readonly [string, number, number], VatRate][]> = {
  SERVICES: [
    ["Journée de conseil", ["1", 350, 650], "STANDARD_20"],
    ["Heures de prestation", ["8", 40, 75], "STANDARD_20"],
    ["Création graphique", ["1", 300, 1500], "STANDARD_20"],
    ["Traduction (feuillets)", ["12", 25, 40], "STANDARD_20"],
  ],
  CRAFTS: [
    ["Pièce sur mesure", ["1", 180, 1400], "STANDARD_20"],
    ["Réparation", ["2", 45, 90], "STANDARD_20"],
    ["Série de pièces", ["6", 25, 80], "STANDARD_20"],
  ],
  TRAINING: [
    ["Journée de formation", ["2", 600, 1100], "EXEMPT"],
    ["Atelier collectif", ["1", 250, 600], "EXEMPT"],
    ["Support de cours", ["1", 40, 120], "STANDARD_20"],
  ],
  BUILDING: [
    ["Travaux de rénovation", ["1", 800, 4500], "INTERMEDIATE_10"],
    ["Main-d'œuvre (heures)", ["16", 38, 55], "INTERMEDIATE_10"],
    ["Fournitures posées", ["1", 150, 900], "STANDARD_20"],
  ],
  MOBILE_TRADE: [
    ["Ventes du marché", ["1", 300, 1200], "REDUCED_5_5"],
    ["Prestation traiteur", ["1", 400, 1800], "INTERMEDIATE_10"],
  ],
  AGRICULTURE: [
    ["Paniers de légumes", ["20", 12, 25], "REDUCED_5_5"],
    ["Vente en gros (kg)", ["150", 2, 6], "REDUCED_5_5"],
  ],
  OTHER: [
    ["Prestation", ["1", 200, 1500], "STANDARD_20"],
    ["Vente", ["3", 30, 200], "STANDARD_20"],
  ],
};
const BUSINESS_SHARE: Record<Sector, number> = {
  SERVICES: 0.85,
  CRAFTS: 0.4,
  TRAINING: 0.9,
  BUILDING: 0.35,
  MOBILE_TRADE: 0.3,
  AGRICULTURE: 0.5,
  OTHER: 0.5,
};
const BUSINESS_NAMES = [
  "Boulangerie du Port",
  "Atelier Lumière",
  "Mairie de Saint-Just",
  "Cabinet Arnaud & Fils",
  "Les Jardins Partagés (association)",
  "Hôtel des Cèdres",
  "Librairie La Page",
  "Transports Roux",
  "Clinique du Parc",
  "Comité d'entreprise Méca-Sud",
  "Restaurant Le Comptoir",
  "Agence Horizon",
  "Lycée Jean-Moulin",
  "Coopérative agricole du Val",
  "Studio Nord",
];
const PRIVATE_NAMES = [
  "Claire Morel",
  "Julien Petit",
  "Nadia Benali",
  "Paul Girard",
  "Sophie Leroy",
  "Marc Blanc",
  "Inès Faure",
  "Thomas Roussel",
  "Léa Chevalier",
  "Yann Le Gall",
];
const STREETS = [
  "rue de la République",
  "avenue Jean-Jaurès",
  "place du Marché",
  "chemin des Vignes",
  "boulevard Victor-Hugo",
  "rue des Écoles",
];
const EXPENSES: readonly [ExpenseCategory, string][] = [
  ["SUPPLIES", "Fournitures"],
  ["PURCHASES", "Matières premières"],
  ["TRAVEL", "Déplacements"],
  ["TELECOM", "Téléphone et internet"],
  ["INSURANCE", "Assurance professionnelle"],
  ["EQUIPMENT", "Petit matériel"],
  ["SUBCONTRACTING", "Sous-traitance"],
  ["FEES", "Frais bancaires"],
];
const METHODS: readonly PaymentMethod[] = ["TRANSFER", "TRANSFER", "TRANSFER", "CHECK", "CARD", "DIRECT_DEBIT"];

export function generateFinanceDemo(cooperativeId: string): FinanceDemo {
  const profile = demoProfile(cooperativeId);
  const demo = generateDemoCooperative(profile);
  const random = seededRandom(cooperativeId, "finance");
  const siret = demoSiret(cooperativeId);
  // Contribution schemes seen in practice (docs/finance.md, "The contribution"): a flat rate, or degressive brackets.
  const scheme = pick(random, [
    { basis: "REVENUE" as const, brackets: [{ fromCents: "0", rate: "12.00" }] },
    {
      basis: "REVENUE" as const,
      brackets: [
        { fromCents: "0", rate: "10.00" },
        { fromCents: "3000000", rate: "5.00" },
      ],
    },
    { basis: "GROSS_MARGIN" as const, brackets: [{ fromCents: "0", rate: "13.50" }] },
  ]);
  const settings: FinanceDemo["settings"] = {
    id: demoUuid(cooperativeId, "finance-settings", "1"),
    effectiveFrom: "2020-01-01",
    legalName: `${profile.name} SCOP SARL`,
    siret,
    vatNumber: vatNumberOf(siret.slice(0, 9)),
    address: "1 place de la Coopération",
    contributionBasis: scheme.basis,
    contributionBrackets: scheme.brackets,
    invoicePrefix: "F",
    creditNotePrefix: "AV",
    paymentTermsDays: 30,
    latePenaltyRate: "12.00",
    employerChargeRate: "45.00",
    employeeChargeRate: "22.00",
  };
  const cooperativeBrackets: Bracket[] = scheme.brackets.map((b) => ({ fromCents: BigInt(b.fromCents), rate: parseRate(b.rate, "rate") }));

  const out: Omit<FinanceDemo, "settings" | "accounts" | "series"> = {
    customers: [],
    invoices: [],
    lines: [],
    creditNotes: [],
    creditNoteLines: [],
    payments: [],
    expenses: [],
    contributions: [],
    salaryCosts: [],
  };
  const contractsOf = new Map<string, DemoCooperative["contracts"]>();
  for (const contract of demo.contracts) contractsOf.set(contract.personId, [...(contractsOf.get(contract.personId) ?? []), contract]);
  const pendingCredits: { invoice: DemoInvoice; lines: LineRow[]; issuedOn: string; reason: string }[] = [];
  const figures = new Map<string, Map<string, MonthFigures>>();
  const addFigure = (accountId: string, month: string, revenue: bigint, expenses: bigint) => {
    const months = figures.get(accountId) ?? new Map<string, MonthFigures>();
    const current = months.get(month) ?? { revenueCents: 0n, expensesCents: 0n };
    months.set(month, { revenueCents: current.revenueCents + revenue, expensesCents: current.expensesCents + expenses });
    figures.set(accountId, months);
  };

  const booksFrom = new Map<string, string>();
  demo.accounts.forEach((account, accountIndex) => {
    const hosted = (contractsOf.get(account.personId) ?? []).filter((contract) => contract.kind !== "OBJECTIVE");
    const last = hosted.at(-1);
    const activeTo = last?.status === "ENDED" && last.endsOn ? (last.endsOn < DEMO_BOOKS_TO ? last.endsOn : DEMO_BOOKS_TO) : DEMO_BOOKS_TO;
    // A year of books for every activity: the last year before today, or before it stopped.
    const yearBefore = addDays(activeTo, -364);
    const activeFrom = account.openedOn > yearBefore ? account.openedOn : yearBefore;
    booksFrom.set(account.id, activeFrom);
    const offers = OFFERS[account.sector];
    const customers = Array.from({ length: between(random, 2, 6) }, (_, i) => {
      const business = random() < BUSINESS_SHARE[account.sector];
      const name = business ? pick(random, BUSINESS_NAMES) : pick(random, PRIVATE_NAMES);
      const postcode = `${pick(random, profile.departments)}${String(between(random, 0, 99)).padStart(2, "0")}0`.slice(0, 5);
      return {
        id: demoUuid(cooperativeId, "customer", account.id, String(i)),
        accountId: account.id,
        name,
        kind: (business ? "BUSINESS" : "PRIVATE") as CustomerKind,
        siret: business && !name.startsWith("Mairie") && !name.startsWith("Lycée") ? randomSiret(random) : null,
        address: `${between(random, 1, 120)} ${pick(random, STREETS)}, ${postcode}`,
        email: random() < 0.7 ? `contact${i}@${account.id.slice(0, 8)}.example` : null,
      };
    });
    out.customers.push(...customers);
    // An activity grows: its monthly level rises with its age.
    const level = 0.5 + random();
    let invoiceIndex = 0;
    for (const month of monthsOverlapping(activeFrom, activeTo)) {
      const first = `${month}-01` < activeFrom ? activeFrom : `${month}-01`;
      const end = lastDayOfMonth(`${month}-01`) < activeTo ? lastDayOfMonth(`${month}-01`) : activeTo;
      const span = (Date.parse(end) - Date.parse(first)) / 86_400_000;
      if (span < 0) continue;
      const invoiceCount = random() < 0.1 ? 0 : between(random, 1, 3);
      for (let n = 0; n < invoiceCount; n++) {
        const issuedOn = addDays(first, between(random, 0, span));
        const quantities: bigint[] = [];
        const lines: LineRow[] = Array.from({ length: between(random, 1, 3) }, (_, position) => {
          const [description, [quantity, min, max], vatRate] = pick(random, offers);
          // Whole quantities around the offer's usual one.
          const thousandths = BigInt(Math.max(1, Math.round(Number(quantity) * (0.5 + random()))) * 1000);
          quantities.push(thousandths);
          const unitPriceCents = BigInt(Math.round(between(random, min, max) * level * 100));
          const supply = GOODS.has(description) ? "GOODS" : "SERVICES";
          return {
            position: position + 1,
            description,
            quantity: formatQuantity(thousandths),
            unitPriceCents,
            vatRate,
            supply,
            netCents: 0n,
          };
        });
        const totals = documentTotals(
          lines.map((row, i) => ({ quantityThousandths: quantities[i], unitPriceCents: row.unitPriceCents, vatRate: row.vatRate })),
        );
        lines.forEach((row, i) => (row.netCents = totals.lineNets[i]));
        const invoice: DemoInvoice = {
          id: demoUuid(cooperativeId, "invoice", account.id, String(invoiceIndex++)),
          accountId: account.id,
          customerId: pick(random, customers).id,
          status: "ISSUED",
          number: "",
          issuedOn,
          dueOn: addDays(issuedOn, 30),
          paymentTermsDays: 30,
          netCents: totals.netCents,
          vatCents: totals.vatCents,
          totalCents: totals.totalCents,
          paidCents: 0n,
          creditedCents: 0n,
        };
        out.invoices.push(invoice);
        out.lines.push(...lines.map((row) => ({ ...row, invoiceId: invoice.id })));
        addFigure(account.id, month, totals.netCents, 0n);
        const fate = random();
        const paidOn = addDays(issuedOn, between(random, 3, 50));
        if (fate < 0.03 && addDays(issuedOn, 20) < DEMO_BOOKS_TO) {
          const creditOn = addDays(issuedOn, between(random, 2, 20));
          pendingCredits.push({
            invoice,
            lines,
            issuedOn: creditOn,
            reason: pick(random, ["Erreur de facturation", "Prestation annulée", "Commande annulée par le client"]),
          });
          addFigure(account.id, creditOn.slice(0, 7), -totals.netCents, 0n);
        } else if (paidOn <= DEMO_BOOKS_TO && fate < 0.92) {
          // Most invoices are paid in full, a few in part (an instalment, a dispute).
          const amount = fate < 0.84 ? totals.totalCents : totals.totalCents / 2n;
          out.payments.push({
            id: demoUuid(cooperativeId, "payment", invoice.id),
            invoiceId: invoice.id,
            receivedOn: paidOn,
            amountCents: amount,
            method: pick(random, METHODS),
            reference: random() < 0.6 ? `REF-${between(random, 10000, 99999)}` : null,
          });
          invoice.paidCents = amount;
        }
      }
      const monthRevenue = figures.get(account.id)?.get(month)?.revenueCents ?? 0n;
      for (let n = 0; n < between(random, 0, 3); n++) {
        const [category, description] = pick(random, EXPENSES);
        const netCents = BigInt(Math.round(Number(monthRevenue > 0n ? monthRevenue : 20000n) * (0.02 + random() * 0.08)));
        if (netCents <= 0n) continue;
        out.expenses.push({
          id: demoUuid(cooperativeId, "expense", account.id, month, String(n)),
          accountId: account.id,
          spentOn: addDays(first, between(random, 0, span)),
          category,
          description,
          netCents,
          vatCents: category === "FEES" || category === "INSURANCE" ? 0n : (netCents * 20n) / 100n,
          receiptReference: `JUST-${month.replace("-", "")}-${accountIndex + 1}-${n + 1}`,
        });
        addFigure(account.id, month, 0n, netCents);
      }
      // Salary costs from payroll: the employer cost of the CESA's fixed pay, in the months it runs.
      const employment = hosted.find(
        (contract) =>
          contract.kind === "EMPLOYMENT" &&
          contract.startsOn <= end &&
          (!contract.endsOn || contract.endsOn >= first) &&
          contract.status !== "DRAFT" &&
          contract.status !== "CANCELLED",
      );
      // A person with two activities is paid once: the cost goes to their first account.
      const firstAccountOfPerson = demo.accounts.find((other) => other.personId === account.personId)?.id === account.id;
      if (employment?.fixedMonthlyPayCents && firstAccountOfPerson) {
        out.salaryCosts.push({
          id: demoUuid(cooperativeId, "salary", account.id, month),
          accountId: account.id,
          month: `${month}-01`,
          amountCents: (employment.fixedMonthlyPayCents * 145n) / 100n,
        });
      }
    }
  });

  // Numbers: chronological across the cooperative, per series and year, without gaps.
  const series: FinanceDemo["series"] = [];
  const number = (kind: "INVOICE" | "CREDIT_NOTE", prefix: string, issuedOn: string): string => {
    const year = Number(issuedOn.slice(0, 4));
    let counter = series.find((s) => s.kind === kind && s.year === year);
    if (!counter) series.push((counter = { kind, year, lastNumber: 0, lastIssuedOn: issuedOn }));
    counter.lastNumber++;
    counter.lastIssuedOn = issuedOn;
    return formatNumber(prefix, year, counter.lastNumber);
  };
  out.invoices.sort((a, b) => (a.issuedOn < b.issuedOn ? -1 : a.issuedOn > b.issuedOn ? 1 : a.id < b.id ? -1 : 1));
  for (const invoice of out.invoices) invoice.number = number("INVOICE", settings.invoicePrefix, invoice.issuedOn);
  pendingCredits.sort((a, b) => (a.issuedOn < b.issuedOn ? -1 : a.issuedOn > b.issuedOn ? 1 : a.invoice.id < b.invoice.id ? -1 : 1));
  for (const credit of pendingCredits) {
    const note = {
      id: demoUuid(cooperativeId, "credit-note", credit.invoice.id),
      invoiceId: credit.invoice.id,
      accountId: credit.invoice.accountId,
      number: number("CREDIT_NOTE", settings.creditNotePrefix, credit.issuedOn),
      issuedOn: credit.issuedOn,
      reason: credit.reason,
      netCents: credit.invoice.netCents,
      vatCents: credit.invoice.vatCents,
      totalCents: credit.invoice.totalCents,
    };
    out.creditNotes.push(note);
    out.creditNoteLines.push(...credit.lines.map((row) => ({ ...row, creditNoteId: note.id })));
    credit.invoice.creditedCents = credit.invoice.totalCents;
  }
  for (const invoice of out.invoices) invoice.status = settledStatus(invoice);

  // Contributions of every month of the books, as recordMonthlyContributions computes them.
  for (const account of demo.accounts) {
    for (const month of monthsOverlapping(booksFrom.get(account.id) ?? DEMO_BOOKS_FROM, DEMO_BOOKS_TO)) {
      const months = figures.get(account.id) ?? new Map<string, MonthFigures>();
      const earlier = [...months.entries()]
        .filter(([key]) => key < month && key.slice(0, 4) === month.slice(0, 4))
        .map(([, value]) => value);
      const computed = monthlyContribution(
        settings.contributionBasis,
        accountBrackets(null, cooperativeBrackets),
        earlier,
        months.get(month) ?? { revenueCents: 0n, expensesCents: 0n },
      );
      out.contributions.push({
        id: demoUuid(cooperativeId, "contribution", account.id, month),
        accountId: account.id,
        month: `${month}-01`,
        basis: settings.contributionBasis,
        basisCents: computed.basisCents,
        yearBasisBeforeCents: computed.yearBasisBeforeCents,
        parts: storedParts(computed.parts),
        amountCents: computed.amountCents,
      });
    }
  }
  return { settings, accounts: demo.accounts, series, ...out };
}
