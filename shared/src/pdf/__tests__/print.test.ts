import { pdfText } from "@cae/tools/testing";
import { printable, printPdf } from "../print";

describe("the PDF engine", () => {
  it("lays out every kind of block, numbers the articles, and puts the footer on every page", async () => {
    const pdf = await printPdf({
      title: "Contrat d'essai",
      subtitle: "Article L0-1",
      letterhead: ["Coop d'Essai SCOP", "1 rue de la Paix, 75002 Paris", "SIRET 12345678900011"],
      blocks: [
        {
          kind: "parties",
          intro: "Entre les soussignés",
          parties: [
            { role: "La coopérative", lines: ["Coop d'Essai"] },
            { role: "L'entrepreneur", lines: ["Zoé Martin"] },
          ],
        },
        { kind: "paragraph", text: "Préambule." },
        { kind: "article", title: "Objet", paragraphs: ["Premier article."] },
        ...Array.from({ length: 40 }, (_, index) => ({
          kind: "article" as const,
          title: `Clause ${index + 2}`,
          paragraphs: ["Texte de la clause. ".repeat(8)],
        })),
        { kind: "fields", rows: [["Date de début", "05/01/2026"]] },
        { kind: "table", headers: ["N°", "Motif"], rows: [["1", "Croissance de l'activité"]] },
        {
          kind: "signatures",
          placeAndDate: "Fait le 05/01/2026.",
          signers: [{ label: "Pour la coopérative" }, { label: "L'entrepreneur", lines: ["Lu et approuvé"] }],
        },
      ],
      footer: ["Coop d'Essai – mention de pied de page"],
    });
    const text = await pdfText(pdf);
    for (const mention of [
      "Coop d'Essai SCOP",
      "Contrat d'essai",
      "Entre les soussignés La coopérative Coop d'Essai Et L'entrepreneur Zoé Martin",
      "Article 1 – Objet Premier article.",
      "Article 41 – Clause 41",
      "Date de début : 05/01/2026",
      "N° Motif 1 Croissance de l'activité",
      "Pour la coopérative",
      "Lu et approuvé",
    ]) {
      expect(text).toContain(mention);
    }
    const pages = Number(/Page 1 \/ (\d+)/.exec(text)?.[1]);
    expect(pages).toBeGreaterThan(1);
    expect(text.match(/Coop d'Essai – mention de pied de page/g)).toHaveLength(pages);
  });

  it("writes the characters the standard fonts lack with their nearest equivalent", () => {
    expect(printable("1\u202f823,08\u00a0€ ≤ œ")).toBe("1\u00a0823,08\u00a0€ <= œ");
    expect(printable("emoji 🙂")).toBe("emoji ??");
  });
});
