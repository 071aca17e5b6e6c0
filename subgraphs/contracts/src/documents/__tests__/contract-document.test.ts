import type { ContractEntity } from "../../contracts/contract.entity";
import { euros, renderContractDocument } from "../contract-document";

const support: ContractEntity = {
  id: "c",
  personId: "p",
  kind: "SUPPORT_AGREEMENT",
  state: "DRAFT",
  startsOn: "2026-01-05",
  endsOn: "2027-01-04",
  signedOn: null,
  endedOn: null,
  endReason: null,
  endNote: null,
  cancelledOn: null,
  cancelReason: null,
  reviewOn: null,
  supportGiven: "Ateliers <commerciaux> & suivi",
  revenueGoalCents: 1234567n,
  employmentType: null,
  monthlyHours: null,
  fixedMonthlyPayCents: null,
  variablePay: null,
  trialPeriodEndsOn: null,
  directHireReason: null,
  legalTerms: null,
  templateVersionId: null,
  createdAt: new Date(),
};

describe("the printable contract", () => {
  const render = (person = { firstName: "Zoé", lastName: "<script>alert(1)</script>" }) =>
    renderContractDocument({
      contract: support,
      cooperative: { legalName: "Coop d'Essai", siret: "12345678900011", address: "1 rue de la Paix, 75002 Paris" },
      person,
      commitments: [],
      renewals: [],
      amendments: [],
      priorDays: 0,
    });

  it("escapes every name and free text, so a document can never carry markup from the data", () => {
    const html = render();
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("Ateliers &lt;commerciaux&gt; &amp; suivi");
    expect(html).toContain("Coop d&#39;Essai, SIRET 12345678900011");
  });

  it("writes amounts exactly from cents, in French, and dates day first", () => {
    expect(euros(182308n)).toBe("1\u202f823,08\u00a0€");
    expect(euros(5n)).toBe("0,05\u00a0€");
    const html = render();
    expect(html).toContain("12\u202f345,67\u00a0€");
    expect(html).toContain("<td>05/01/2026</td>");
    expect(html).toContain("projet non signé");
  });

  it("says plainly when the cooperative's identity is missing", () => {
    const html = renderContractDocument({
      contract: support,
      cooperative: null,
      person: { firstName: "A", lastName: "B" },
      commitments: [],
      renewals: [],
      amendments: [],
      priorDays: 0,
    });
    expect(html).toContain("Identité de la coopérative non renseignée");
  });
});
