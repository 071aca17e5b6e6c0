import { cpus } from "node:os";
import { performance } from "node:perf_hooks";
import { printPdf, type PrintedDocument, type PrintOptions } from "@cae/shared";

/**
 * `npm run bench:pdf`: what printing a document costs (docs/documents.md). Prints, for a two-page
 * contract in the standard fonts and for the same pages as a PDF/A-3 in embedded DejaVu Sans (an
 * e-invoice's rendering), the CPU per document and the wall time, after a warm-up, one document
 * after another as a subgraph prints them.
 *
 *   npm run bench:pdf -- [--documents 200]
 */
const args = process.argv.slice(2);
const index = args.indexOf("--documents");
const DOCUMENTS = index >= 0 ? Number(args[index + 1]) : 200;
if (!Number.isInteger(DOCUMENTS) || DOCUMENTS < 1) throw new Error("--documents takes a whole number, such as 200");
const WARM_UP = 20;

const CONTRACT: PrintedDocument = {
  title: "Contrat d'appui au projet d'entreprise",
  subtitle: "Articles L127-1 à L127-7 du code de commerce",
  author: "Alpes Entreprendre",
  letterhead: ["Alpes Entreprendre SCOP SA", "12 rue des Alpes, 38000 Grenoble", "SIRET 12345678900011"],
  blocks: [
    {
      kind: "parties",
      intro: "Entre les soussignés",
      parties: [
        { role: "La coopérative", lines: ["Alpes Entreprendre, représentée par sa gérante"] },
        { role: "Le bénéficiaire", lines: ["Zoé Martin, née le 04/05/1990"] },
      ],
    },
    ...Array.from({ length: 12 }, (_, article) => ({
      kind: "article" as const,
      title: `Clause ${article + 1}`,
      paragraphs: [
        "La coopérative met à la disposition du bénéficiaire, qui l'accepte, un programme d'appui et les moyens nécessaires à la préparation de la création de son activité économique. ".repeat(
          2,
        ),
      ],
    })),
    {
      kind: "fields",
      rows: [
        ["Date de début", "05/01/2026"],
        ["Durée", "12 mois"],
      ],
    },
    {
      kind: "signatures",
      placeAndDate: "Fait à Grenoble, le 05/01/2026.",
      signers: [{ label: "Pour la coopérative" }, { label: "Le bénéficiaire", lines: ["Lu et approuvé"] }],
    },
  ],
  footer: ["Alpes Entreprendre, SCOP SA à capital variable, RCS Grenoble 123 456 789"],
};

const dejaVu = (name: string): string => require.resolve(`dejavu-fonts-ttf/ttf/${name}`);
const PDF_A: PrintOptions = {
  date: new Date("2026-01-05T00:00:00Z"),
  compress: false,
  lang: "fr-FR",
  pdfA: { fonts: { regular: dejaVu("DejaVuSans.ttf"), bold: dejaVu("DejaVuSans-Bold.ttf"), italic: dejaVu("DejaVuSans-Oblique.ttf") } },
  attachments: [
    { name: "factur-x.xml", content: Buffer.from("<rsm:CrossIndustryInvoice/>"), mimeType: "text/xml", relationship: "Alternative" },
  ],
};

async function measure(name: string, options: PrintOptions): Promise<string> {
  for (let i = 0; i < WARM_UP; i++) await printPdf(CONTRACT, options);
  const cpu = process.cpuUsage();
  const started = performance.now();
  let bytes = 0;
  for (let i = 0; i < DOCUMENTS; i++) bytes += (await printPdf(CONTRACT, options)).length;
  const wall = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const perDocument = (microseconds: number) => (microseconds / 1000 / DOCUMENTS).toFixed(1);
  return `| ${name} | ${perDocument(used.user + used.system)} ms | ${perDocument(wall * 1000)} ms | ${Math.round(bytes / DOCUMENTS / 1024)} kB |`;
}

async function main(): Promise<void> {
  const rows = [await measure("contract, standard fonts", {}), await measure("the same as PDF/A-3, DejaVu Sans embedded", PDF_A)];
  console.log(`\n${DOCUMENTS} documents each after ${WARM_UP} of warm-up, one after another, on ${cpus()[0]?.model ?? "?"}\n`);
  console.log("| document | CPU per document | wall per document | size |\n| --- | ---: | ---: | ---: |");
  for (const row of rows) console.log(row);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
