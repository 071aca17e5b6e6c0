import { Directive, Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import {
  CentsScalar,
  connectionType,
  DecimalScalar,
  LocalDateScalar,
  ContractKind,
  type ContractKind as ContractKindValue,
  type ContractStatus as ContractStatusValue,
} from "@cae/shared";
import { SUPPORT_AGREEMENT_MAX_RENEWALS, SUPPORT_AGREEMENT_MAX_TOTAL_MONTHS, timesInWords } from "./contract.rules";
import type {
  CommitmentKind as CommitmentKindValue,
  CommitmentParty as CommitmentPartyValue,
  ContractEndReason as ContractEndReasonValue,
  ContractEntity,
  EmploymentType as EmploymentTypeValue,
} from "./contract.entity";
import { EmploymentLegalTerms, SupportAgreementLegalTerms } from "./legal-terms.type";

export const ContractStatus = {
  DRAFT: "DRAFT",
  SIGNED: "SIGNED",
  RUNNING: "RUNNING",
  ENDED: "ENDED",
  CANCELLED: "CANCELLED",
} as const satisfies Record<ContractStatusValue, ContractStatusValue>;
registerEnumType(ContractStatus, {
  name: "ContractStatus",
  description: "Where a contract stands in its lifecycle.",
  valuesConfig: {
    DRAFT: { description: "Being prepared (brouillon); may still be cancelled." },
    SIGNED: { description: "Signed, not yet started." },
    RUNNING: { description: "In force (en cours)." },
    ENDED: { description: "Ended (terminé)." },
    CANCELLED: { description: "Cancelled before signature (annulé)." },
  },
});

/** The members subgraph's identity of the cooperative, for the printed contract (`@requires`). */
@ObjectType({ description: "The cooperative's legal identity (members subgraph)." })
@Directive("@external")
export class CooperativeProfile {
  @Field(() => String, { description: "Legal name (raison sociale)." })
  legalName: string;

  @Field(() => String, { description: "SIRET number." })
  siret: string;

  @Field(() => String, { description: "Registered office address." })
  address: string;
}

/** The members subgraph's follow-up of one person, received through `@requires` (never shown to clients). */
@ObjectType({ description: "How one person is followed: their counselor, and whether they are an associate." })
@Directive("@inaccessible")
@Directive("@external")
export class PersonFollowUp {
  @Field(() => ID, { description: 'The person\'s global ID, "<cooperative>:<uuid>".' })
  personId: string;

  @Field(() => ID, { nullable: true, description: "The counselor who follows them, if any." })
  counselorId: string | null;

  @Field(() => Boolean, { description: "Whether they are an associate today." })
  isAssociate: boolean;
}

@ObjectType({ description: "A cooperative of the network, as its contracts service sees it." })
@Directive('@key(fields: "id")')
export class Cooperative {
  @Field(() => ID, { description: "The cooperative's slug." })
  id: string;

  /** Owned by the members subgraph; present when a field of this subgraph `@requires` it. */
  @Directive("@external")
  @Field(() => [PersonFollowUp], { description: "Each person's counselor and membership (members subgraph; inaccessible to clients)." })
  peopleFollowUp?: PersonFollowUp[];

  @Directive("@external")
  @Field(() => CooperativeProfile, { nullable: true, description: "The cooperative's legal identity (members subgraph)." })
  profile?: CooperativeProfile | null;
}

@ObjectType({ description: "A person, as the contracts service sees it." })
@Directive('@key(fields: "id")')
export class Person {
  @Field(() => ID, { description: 'Global ID, "<cooperative>:<uuid>".' })
  id: string;

  /** The members subgraph's; received when a contract's document `@requires` them. */
  @Directive("@external")
  @Field(() => String, { description: "First name (members subgraph)." })
  firstName?: string;

  @Directive("@external")
  @Field(() => String, { description: "Last name (members subgraph)." })
  lastName?: string;
}

export const EmploymentType = { OPEN_ENDED: "OPEN_ENDED", FIXED_TERM: "FIXED_TERM" } as const satisfies Record<
  EmploymentTypeValue,
  EmploymentTypeValue
>;
registerEnumType(EmploymentType, {
  name: "EmploymentType",
  description: "How long an employment contract (CESA) lasts.",
  valuesConfig: {
    OPEN_ENDED: { description: "Open-ended (contrat à durée indéterminée, CDI)." },
    FIXED_TERM: { description: "Fixed-term (contrat à durée déterminée, CDD), with its end date." },
  },
});

export const ContractEndReason = {
  TERM_REACHED: "TERM_REACHED",
  NEXT_CONTRACT: "NEXT_CONTRACT",
  RESIGNATION: "RESIGNATION",
  MUTUAL_AGREEMENT: "MUTUAL_AGREEMENT",
  DISMISSAL: "DISMISSAL",
  TRIAL_PERIOD: "TRIAL_PERIOD",
  ASSOCIATE_DEADLINE: "ASSOCIATE_DEADLINE",
  PROJECT_ABANDONED: "PROJECT_ABANDONED",
  OWN_COMPANY: "OWN_COMPANY",
  OTHER: "OTHER",
} as const satisfies Record<ContractEndReasonValue, ContractEndReasonValue>;
registerEnumType(ContractEndReason, {
  name: "ContractEndReason",
  description:
    "Why a contract ended (motif de fin). An employment contract (CESA) ends by a legal mode only: RESIGNATION, MUTUAL_AGREEMENT, DISMISSAL, TRIAL_PERIOD, TERM_REACHED, ASSOCIATE_DEADLINE; the person's outcome (own company, project abandoned...) is recorded with their exit.",
  valuesConfig: {
    TERM_REACHED: {
      description:
        "It reached its planned end (terme); an employment contract, only a fixed-term one on its last day (L1243-5 Code du travail).",
    },
    NEXT_CONTRACT: {
      description: "The next contract of the path replaced it (CAPE followed by a CESA, for instance). Not for an employment contract.",
    },
    RESIGNATION: { description: "The entrepreneur resigned (démission)." },
    MUTUAL_AGREEMENT: { description: "Ended by mutual agreement (rupture conventionnelle)." },
    DISMISSAL: { description: "Dismissal (licenciement)." },
    TRIAL_PERIOD: { description: "Ended during the trial period (rupture de la période d'essai), while it runs." },
    ASSOCIATE_DEADLINE: { description: "Not an associate within the legal deadline (L7331-3 Code du travail): from that day only." },
    PROJECT_ABANDONED: { description: "The project was abandoned (abandon du projet). An outcome: not for an employment contract." },
    OWN_COMPANY: {
      description: "The entrepreneur created their own company (création d'entreprise). An outcome: not for an employment contract.",
    },
    OTHER: { description: "Another reason. Not for an employment contract, which ends by a legal mode." },
  },
});

export const CommitmentParty = { ENTREPRENEUR: "ENTREPRENEUR", COOPERATIVE: "COOPERATIVE" } as const satisfies Record<
  CommitmentPartyValue,
  CommitmentPartyValue
>;
registerEnumType(CommitmentParty, { name: "CommitmentParty", description: "Who commits to something in an objective contract." });

export const CommitmentKind = {
  SKILLS: "SKILLS",
  OFFER_AND_PRICES: "OFFER_AND_PRICES",
  MARKET_STUDY: "MARKET_STUDY",
  LEGAL_INFORMATION: "LEGAL_INFORMATION",
  OTHER: "OTHER",
} as const satisfies Record<CommitmentKindValue, CommitmentKindValue>;
registerEnumType(CommitmentKind, {
  name: "CommitmentKind",
  description: "What a commitment of an objective contract is about.",
  valuesConfig: {
    SKILLS: { description: "Skills check and skills to acquire (bilan et compétences à acquérir)." },
    OFFER_AND_PRICES: { description: "Defining the offer and its prices (offre et tarifs)." },
    MARKET_STUDY: { description: "Market pre-study (pré-étude de marché)." },
    LEGAL_INFORMATION: { description: "Legal information (information juridique, statut d'entrepreneur salarié)." },
    OTHER: { description: "Another commitment." },
  },
});

@ObjectType({ description: "A reciprocal commitment of an objective contract (engagement réciproque du contrat d'objectif)." })
export class Commitment {
  @Field(() => ID, { description: 'Global ID, "<cooperative>:<uuid>".' })
  id: string;

  @Field(() => CommitmentParty, { description: "Who commits: the entrepreneur or the cooperative." })
  party: CommitmentPartyValue;

  @Field(() => CommitmentKind, { description: "What the commitment is about." })
  kind: CommitmentKindValue;

  @Field(() => String, { description: "The commitment in words." })
  description: string;

  @Field(() => LocalDateScalar, { description: "When it is due (échéance)." })
  dueOn: string;

  @Field(() => LocalDateScalar, { nullable: true, description: "When it was done; null while it is not." })
  doneOn: string | null;
}

@ObjectType({ description: "The terms of an objective contract (contrat d'objectif)." })
export class ObjectiveTerms {
  @Field(() => LocalDateScalar, { description: "When the commitments are reviewed together (date de bilan)." })
  reviewOn: string;

  @Field(() => [Commitment], { description: "The reciprocal commitments, in the contract's order." })
  commitments: Commitment[];
}

@ObjectType({ description: "A renewal of a support agreement (renouvellement de la CAPE)." })
export class Renewal {
  @Field(() => Int, { description: `1 or 2: a support agreement is renewed ${timesInWords(SUPPORT_AGREEMENT_MAX_RENEWALS)} at most.` })
  number: number;

  @Field(() => LocalDateScalar, { description: "The agreement's last day before this renewal." })
  previousEndsOn: string;

  @Field(() => LocalDateScalar, { description: "The agreement's last day after it." })
  endsOn: string;

  @Field(() => LocalDateScalar, { description: "When the renewal was decided." })
  decidedOn: string;
}

@ObjectType({ description: "The terms of a support agreement (contrat d'appui au projet d'entreprise, CAPE)." })
export class SupportAgreementTerms {
  @Field(() => String, { description: "The support the cooperative gives (accompagnement, moyens mis à disposition)." })
  supportGiven: string;

  @Field(() => CentsScalar, { nullable: true, description: "The revenue goal, when one was set (objectif de chiffre d'affaires)." })
  revenueGoalCents: bigint | null;

  @Field(() => LocalDateScalar, { description: "The last day first agreed, before any renewal." })
  initialEndsOn: string;

  @Field(() => [Renewal], { description: `The renewals, in order (two at most, ${SUPPORT_AGREEMENT_MAX_TOTAL_MONTHS} months in all).` })
  renewals: Renewal[];

  @Field(() => SupportAgreementLegalTerms, {
    nullable: true,
    description: "What the agreement states by law (R127-1 Code de commerce); null for an agreement recorded before it was kept.",
  })
  legal: SupportAgreementLegalTerms | null;
}

@ObjectType({ description: "An amendment of an employment contract (avenant): new hours and pay from a date." })
export class Amendment {
  @Field(() => ID, { description: 'Global ID, "<cooperative>:<uuid>".' })
  id: string;

  @Field(() => Int, { description: "Its number: 1 for the first amendment of the contract, then 2..." })
  number: number;

  @Field(() => LocalDateScalar, { description: "From when it applies (date d'effet)." })
  effectiveOn: string;

  @Field(() => DecimalScalar, { description: "Monthly hours from that date." })
  monthlyHours: string;

  @Field(() => CentsScalar, { description: "Fixed gross monthly pay from that date." })
  fixedMonthlyPayCents: bigint;

  @Field(() => String, { description: "Why the terms change (growth of the activity, for instance)." })
  reason: string;
}

@ObjectType({ description: "The terms of an employment contract (contrat d'entrepreneur salarié associé, CESA; L7331-2 Code du travail)." })
export class EmploymentTerms {
  @Field(() => EmploymentType, { description: "Open-ended or fixed-term." })
  type: EmploymentTypeValue;

  @Field(() => DecimalScalar, { description: "Monthly hours at signature (the current ones are the contract's monthlyHours)." })
  initialMonthlyHours: string;

  @Field(() => CentsScalar, { description: "Fixed gross monthly pay at signature." })
  initialFixedMonthlyPayCents: bigint;

  @Field(() => String, { description: "How the variable part of the pay is computed from the activity's result (L7332-3)." })
  variablePay: string;

  @Field(() => LocalDateScalar, { nullable: true, description: "Last day of the trial period (période d'essai), if there is one." })
  trialPeriodEndsOn: string | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description:
      "The latest last day the trial period may have: 8 months from the first day minus priorContractDays, the time of the earlier contracts between the parties (L7332-1); null when none is left.",
  })
  trialPeriodLatestEnd: string | null;

  @Field(() => Int, {
    description:
      "Days the person spent in support agreements (CAPE) before this contract: part of priorContractDays, which the law deducts.",
  })
  supportDaysBefore: number;

  @Field(() => Int, {
    description:
      "Days of the earlier contracts between the person and the cooperative: every signed support agreement (CAPE) and employment contract (CESA) that started before this one, up to the day before its first day, a shared day counted once. Deducted from the trial period and the associate deadline.",
  })
  priorContractDays: number;

  @Field(() => LocalDateScalar, {
    description:
      "The date by which the person becomes an associate, or the contract ends: 3 years from the contract's conclusion (its signature) minus priorContractDays (L7331-3). For a draft, counted from its planned first day, the latest it may be signed: provisional until signed. Computed.",
  })
  associateDeadline: string;

  @Field(() => String, { nullable: true, description: "Why the person is hired without a prior support agreement (embauche directe)." })
  directHireReason: string | null;

  @Field(() => [Amendment], { description: "The amendments (avenants), in order: the history of the terms." })
  amendments: Amendment[];

  @Field(() => EmploymentLegalTerms, {
    nullable: true,
    description: "What the contract states by law (L7331-2 Code du travail); null for a contract recorded before it was kept.",
  })
  legal: EmploymentLegalTerms | null;
}

@ObjectType({ description: "A contract of a person's path: objective contract, support agreement (CAPE) or employment contract (CESA)." })
@Directive('@key(fields: "id")')
export class Contract {
  @Field(() => ID, { description: 'Global ID, "<cooperative>:<uuid>".' })
  id: string;

  @Field(() => ContractKind, { description: "Which contract of the path this is." })
  kind: ContractKindValue;

  @Field(() => ContractStatus, { description: "Where the contract stands today: a signed contract runs from its first day to its last." })
  status: ContractStatusValue;

  @Field(() => LocalDateScalar, { description: "First day of the contract (date de début)." })
  startsOn: string;

  @Field(() => LocalDateScalar, { nullable: true, description: "Planned last day (date de fin), renewals included; null when open-ended." })
  endsOn: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "When it was signed; null for a draft or a cancelled contract." })
  signedOn: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "Its actual last day, once ended (early, or at its term)." })
  endedOn: string | null;

  @Field(() => ContractEndReason, { nullable: true, description: "Why it ended, once ended." })
  endReason: ContractEndReasonValue | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "When the draft was cancelled." })
  cancelledOn: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: "Employment contracts: monthly hours in force today (heures mensuelles, latest effective amendment), at most 151.67.",
  })
  monthlyHours: string | null;

  @Field(() => CentsScalar, {
    nullable: true,
    description: "Employment contracts: fixed gross monthly pay in force today (part fixe du salaire brut, latest effective amendment).",
  })
  fixedMonthlyPayCents: bigint | null;

  @Field(() => Person, {
    // Nullable: a person the members subgraph cannot give is null here, with an error naming them, and the list keeps its items.
    nullable: true,
    description:
      "The person the contract binds to the cooperative; null, with an error naming them, when the members subgraph cannot give them.",
  })
  person: Person;

  @Field(() => Cooperative, { description: "The cooperative, the other party." })
  cooperative: Cooperative;

  /** The stored row, for the field resolvers of each kind's terms. */
  record: ContractEntity;
}

/**
 * The contract steps of each person, for the members subgraph to combine with its own steps
 * (`@requires`). Inaccessible: the gateway plans with it, clients never see it.
 */
@ObjectType({ description: "The contract steps one person has reached (dates of the first signed contract of each kind)." })
@Directive("@inaccessible")
export class ContractMilestones {
  @Field(() => ID, { description: 'The person\'s global ID, "<cooperative>:<uuid>".' })
  personId: string;

  @Field(() => ContractKind, { nullable: true, description: "The furthest kind of contract signed." })
  furthestContractKind: ContractKindValue | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "Start of the first signed objective contract." })
  objectiveContractOn: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "Start of the first signed support agreement (CAPE)." })
  supportAgreementOn: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "Start of the first signed employment contract (CESA)." })
  employmentContractOn: string | null;
}

export const ContractConnection = connectionType(Contract, "Contract", "contract");
