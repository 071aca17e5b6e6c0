import type { ContractKind } from "@cae/shared";

/**
 * The wording every cooperative starts from: version 1 of each kind's template, written into its
 * database by the migration that created templates (1766300000000-ContractLegalContent). A
 * cooperative rewords them as new versions; contracts signed with a version keep it. Changing
 * these texts later changes only new databases: an existing cooperative gets new wording as a new
 * version, never by rewriting one.
 */
export const DEFAULT_TEMPLATES: Record<ContractKind, string> = {
  OBJECTIVE: `Le présent contrat fixe les engagements réciproques de {{person.fullName}} et de {{cooperative.legalName}} pendant la phase d'accueil et de préparation du projet.

# Objet
Les parties conviennent d'engagements réciproques destinés à préparer le projet d'activité de l'entrepreneur, énumérés à l'article suivant et en annexe.

# Engagements réciproques
{{contract.commitments}}

# Durée et bilan
Le contrat prend effet le {{contract.startsOn}}. Fin : {{contract.endsOn}}. Les parties font ensemble le bilan des engagements le {{contract.reviewOn}}.`,

  SUPPORT_AGREEMENT: `Contrat conclu en application des articles L127-1 à L127-7 et R127-1 du Code de commerce entre {{cooperative.legalName}}, personne morale responsable de l'appui, et {{person.fullName}}, bénéficiaire.

# Objet
La coopérative apporte au bénéficiaire, qui s'engage à suivre un programme de préparation à la création ou à la reprise et à la gestion d'une activité économique, l'appui décrit ci-après. Appui en résumé : {{contract.supportGiven}}

# Durée
Le contrat prend effet le {{contract.startsOn}} et prend fin le {{contract.endsOn}}. {{contract.duration}}

# Programme d'appui avant le début de l'activité
{{legal.programmeBeforeStart}}

# Programme d'appui après le début de l'activité
{{legal.programmeAfterStart}}

# Moyens mis à disposition par la coopérative
{{legal.supportMeans}}

# Rémunération de la personne morale responsable de l'appui
{{legal.supportBodyPay}}

# Engagements pris à l'égard des tiers
{{legal.thirdPartyCommitments}}

# Informations comptables
{{legal.accountingInformation}}

# Objectif de chiffre d'affaires
{{contract.revenueGoal}}

# Rémunération et protection sociale du bénéficiaire
{{legal.beneficiaryPay}}

{{legal.socialProtection}}

# Rupture anticipée
{{legal.earlyTermination}}`,

  EMPLOYMENT: `Contrat conclu en application des articles L7331-1 et suivants du Code du travail entre {{cooperative.legalName}} et {{person.fullName}}, entrepreneur salarié associé.

# Engagement et nature du contrat
{{contract.employmentType}} Le contrat prend effet le {{contract.startsOn}}. Fin : {{contract.endsOn}}.

{{legal.fixedTermGround}}

{{contract.directHire}}

# Objectifs et activité minimale
{{legal.objectives}}

{{legal.minimumActivity}}

# Moyens d'accompagnement et de contrôle
Moyens mis en œuvre par la coopérative pour accompagner l'activité :
{{legal.supportMeans}}

Contrôle de l'activité : {{legal.controlMeans}}

# Contribution aux services mutualisés
{{legal.contribution}}

# Durée du travail
Durée mensuelle de travail : {{contract.monthlyHours}}.

{{legal.partTimeRequest}}

# Rémunération
Part fixe de la rémunération brute mensuelle : {{contract.fixedPay}}.

Part variable : {{contract.variablePay}}

# Période d'essai
{{contract.trialPeriod}}

# Statuts et sociétariat
{{legal.statutes}}

{{contract.associateDeadline}}

# Clientèle et propriété intellectuelle
{{legal.customerRights}}`,
};
