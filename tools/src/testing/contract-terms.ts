/**
 * The legal content a test gives when it drafts a CESA or a CAPE (docs/contracts.md, "Legal
 * content"), as GraphQL input: amounts as strings of cents. A part-time request is always given,
 * dated before any contract of the tests: it is printed only under 24 hours a week.
 */
export function employmentLegalInput(type: "OPEN_ENDED" | "FIXED_TERM" = "OPEN_ENDED") {
  return {
    objectives: "Développer une activité de menuiserie sur mesure auprès des particuliers de l'agglomération.",
    minimumAnnualRevenueCents: "1800000",
    supportMeans: ["Rendez-vous mensuel avec un conseiller", "Ateliers collectifs de gestion", "Outils de facturation"],
    controlMeans: "Revue trimestrielle des comptes de l'activité avec le conseiller.",
    contributionRule: "10 % du chiffre d'affaires hors taxes encaissé, selon la délibération de l'assemblée générale.",
    statutesVersion: "Statuts modifiés par l'AGE",
    statutesAdoptedOn: "2024-06-15",
    customerRights: "ENTREPRENEUR_KEEPS",
    partTimeRequest: { requestedOn: "2020-01-06", reason: "Activité lancée progressivement à côté d'une formation." },
    ...(type === "FIXED_TERM" ? { fixedTermGround: { case: "TEMPORARY_INCREASE", detail: "Commande ponctuelle d'un client." } } : {}),
  };
}

export function supportAgreementLegalInput() {
  return {
    programmeBeforeStart: "Étude de marché accompagnée et construction de l'offre.",
    programmeAfterStart: "Suivi mensuel de l'activité et des premières ventes.",
    supportMeans: ["Hébergement juridique de l'activité", "Assurance de la coopérative"],
    supportBodyPayCents: "0",
    thirdPartyCommitmentsNature: "Achats de fournitures et de petits matériels",
    thirdPartyCommitmentsMaxCents: "300000",
    thirdPartyCommitmentsBorneBy: "SUPPORT_BODY",
    accountingInformation: "Relevé mensuel des recettes et des dépenses de l'activité.",
    earlyTermination: "Chaque partie peut y mettre fin par lettre recommandée avec un préavis de quinze jours.",
    beneficiaryMonthlyPayCents: "0",
    socialProtection: "Le bénéficiaire reste inscrit comme demandeur d'emploi.",
  };
}
