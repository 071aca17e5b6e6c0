import { Field, ID, InputType, ObjectType, registerEnumType } from "type-graphql";
import { connectionType, LocalDateScalar, Sector, type Sector as SectorValue } from "@cae/shared";
import { EntrySituationInput } from "./entry-situation.type";

export const PartnerKind = {
  PUBLIC_EMPLOYMENT_SERVICE: "PUBLIC_EMPLOYMENT_SERVICE",
  UNEMPLOYMENT_INSURER: "UNEMPLOYMENT_INSURER",
  LABOUR_ADMINISTRATION: "LABOUR_ADMINISTRATION",
  LOCAL_AUTHORITY: "LOCAL_AUTHORITY",
  FUNDER: "FUNDER",
  BANK: "BANK",
  BUSINESS_NETWORK: "BUSINESS_NETWORK",
  OTHER: "OTHER",
} as const;
export type PartnerKind = (typeof PartnerKind)[keyof typeof PartnerKind];
registerEnumType(PartnerKind, {
  name: "PartnerKind",
  description: "What kind of partner (partenaire) an organisation is.",
  valuesConfig: {
    PUBLIC_EMPLOYMENT_SERVICE: { description: "Public employment service (France Travail, ex-ANPE; missions locales)." },
    UNEMPLOYMENT_INSURER: { description: "Unemployment insurer (ex-Assedic)." },
    LABOUR_ADMINISTRATION: { description: "Labour administration (DREETS, ex-DDTEFP)." },
    LOCAL_AUTHORITY: { description: "Local authority (collectivité territoriale)." },
    FUNDER: { description: "Funder (financeur)." },
    BANK: { description: "Bank (banque)." },
    BUSINESS_NETWORK: { description: "Business support network (réseau d'accompagnement, chambre consulaire)." },
    OTHER: { description: "Another kind of partner (autre)." },
  },
});

export const ProjectProgress = { IDEA: "IDEA", OUTLINED: "OUTLINED", READY: "READY" } as const;
export type ProjectProgress = (typeof ProjectProgress)[keyof typeof ProjectProgress];
registerEnumType(ProjectProgress, {
  name: "ProjectProgress",
  description: "How advanced the project is at the reception (avancement du projet).",
  valuesConfig: {
    IDEA: { description: "An idea to explore (idée)." },
    OUTLINED: { description: "Offer, customers and prices outlined (projet esquissé)." },
    READY: { description: "Ready to test on the market (prêt à démarrer)." },
  },
});

export const ReceptionDecision = { PENDING: "PENDING", ADMITTED: "ADMITTED", ORIENTED: "ORIENTED" } as const;
export type ReceptionDecision = (typeof ReceptionDecision)[keyof typeof ReceptionDecision];
registerEnumType(ReceptionDecision, {
  name: "ReceptionDecision",
  description: "The decision after the reception's pre-analysis (décision).",
  valuesConfig: {
    PENDING: { description: "Not decided yet (en attente)." },
    ADMITTED: { description: "Admitted into the cooperative (admis)." },
    ORIENTED: { description: "Referred to a partner (orienté)." },
  },
});

@ObjectType({ description: "A partner of the cooperative (partenaire): where people come from (prescripteur) or are referred to." })
export class Partner {
  @Field(() => ID, { description: 'Global ID, "<cooperative>:<uuid>".' })
  id: string;

  @Field(() => String, { description: "Name of the organisation." })
  name: string;

  @Field(() => PartnerKind, { description: "What kind of partner it is." })
  kind: PartnerKind;

  @Field(() => String, { nullable: true, description: "Contact email." })
  email: string | null;

  @Field(() => String, { nullable: true, description: "Contact phone." })
  phone: string | null;

  @Field(() => Boolean, { description: "Whether the partner may be chosen for an orientation or a referral: false once deactivated." })
  active: boolean;

  @Field(() => LocalDateScalar, { nullable: true, description: "The day the partner was deactivated; null while active." })
  deactivatedOn: string | null;
}

export const PartnerConnection = connectionType(Partner, "Partner", "partner");

@ObjectType({ description: "The individual reception of a person and its pre-analysis (accueil individuel, pré-diagnostic)." })
export class Reception {
  @Field(() => LocalDateScalar, { description: "Date of the reception." })
  receivedOn: string;

  @Field(() => String, { description: "Summary of the project (résumé du projet)." })
  projectSummary: string;

  @Field(() => ProjectProgress, { description: "How advanced the project is." })
  projectProgress: ProjectProgress;

  @Field(() => Sector, { description: "Sector of the project." })
  sector: SectorValue;

  @Field(() => ReceptionDecision, { description: "The decision: pending, admitted, or referred to a partner." })
  decision: ReceptionDecision;

  @Field(() => LocalDateScalar, { nullable: true, description: "Date of the decision, once taken." })
  decidedOn: string | null;

  @Field(() => Partner, { nullable: true, description: "The partner the person was referred to, for an orientation." })
  orientedTo: Partner | null;

  @Field(() => String, { nullable: true, description: "Why the person was referred to that partner." })
  orientationReason: string | null;
}

@InputType({ description: "A partner to add to the cooperative's directory." })
export class AddPartnerInput {
  @Field(() => ID, { description: "The cooperative; the request goes to it." })
  cooperativeId: string;

  @Field(() => String, { description: "Name of the organisation." })
  name: string;

  @Field(() => PartnerKind, { description: "What kind of partner it is." })
  kind: PartnerKind;

  @Field(() => String, { nullable: true, description: "Contact email." })
  email?: string | null;

  @Field(() => String, { nullable: true, description: "Contact phone." })
  phone?: string | null;
}

@InputType({ description: "The decision after a reception: admission, or orientation to a partner with its reason." })
export class ReceptionDecisionInput {
  @Field(() => ReceptionDecision, { description: "ADMITTED or ORIENTED; PENDING leaves it to later (recordReception only)." })
  decision: ReceptionDecision;

  @Field(() => ID, { nullable: true, description: "For an orientation: the partner the person is referred to." })
  partnerId?: string | null;

  @Field(() => String, { nullable: true, description: "For an orientation: why." })
  orientationReason?: string | null;
}

@InputType({ description: "The individual reception of a prospect, with the pre-analysis of the project." })
export class RecordReceptionInput extends ReceptionDecisionInput {
  @Field(() => ID, { description: "The person; the request goes to their cooperative." })
  personId: string;

  @Field(() => LocalDateScalar, { description: "Date of the reception: not before the first contact." })
  receivedOn: string;

  @Field(() => String, { description: "Summary of the project." })
  projectSummary: string;

  @Field(() => ProjectProgress, { description: "How advanced the project is." })
  projectProgress: ProjectProgress;

  @Field(() => Sector, { description: "Sector of the project." })
  sector: SectorValue;

  @Field(() => EntrySituationInput, {
    nullable: true,
    description:
      "The person's situation at entry (situation à l'entrée), saved with the reception; correct it later with setEntrySituation.",
  })
  entrySituation?: EntrySituationInput | null;
}

@InputType({ description: "The decision on a pending reception." })
export class DecideReceptionInput extends ReceptionDecisionInput {
  @Field(() => ID, { description: "The person; the request goes to their cooperative." })
  personId: string;

  @Field(() => LocalDateScalar, { description: "Date of the decision: not before the reception." })
  decidedOn: string;
}

@InputType({
  description:
    "A correction of a reception's details: only the fields given change. A decision is changed by reopenReception, then decideReception.",
})
export class CorrectReceptionInput {
  @Field(() => ID, { description: "The person received; the request goes to their cooperative." })
  personId: string;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "Date of the reception: not before the first contact, not after the decision.",
  })
  receivedOn?: string | null;

  @Field(() => String, { nullable: true, description: "Summary of the project; required, so it may not be cleared." })
  projectSummary?: string | null;

  @Field(() => ProjectProgress, { nullable: true, description: "How advanced the project is; required, so it may not be cleared." })
  projectProgress?: ProjectProgress | null;

  @Field(() => Sector, { nullable: true, description: "Sector of the project; required, so it may not be cleared." })
  sector?: SectorValue | null;
}

@InputType({ description: "A decided reception (admitted or oriented) to put back to pending, so that it is decided again." })
export class ReopenReceptionInput {
  @Field(() => ID, { description: "The person received; the request goes to their cooperative." })
  personId: string;

  @Field(() => String, { description: "Why the decision is reopened (a mistake, new facts...); kept in the audit trail." })
  reason: string;
}

@InputType({ description: "A partner to deactivate: kept on what names it, chosen for no new orientation nor referral." })
export class DeactivatePartnerInput {
  @Field(() => ID, { description: "The partner; the request goes to its cooperative." })
  id: string;

  @Field(() => String, { description: "Why (closed, merged, no longer working with the cooperative...); kept in the audit trail." })
  reason: string;
}

@InputType({ description: "A deactivated partner to make active again." })
export class ReactivatePartnerInput {
  @Field(() => ID, { description: "The partner; the request goes to its cooperative." })
  id: string;
}
