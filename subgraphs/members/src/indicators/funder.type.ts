import { Field, Int, ObjectType, registerEnumType } from "type-graphql";
import { ContractKind } from "@cae/shared";

/** What the people supported and received are counted by; each person counts once in each. */
export const FunderDimension = {
  GENDER: "GENDER",
  AGE_BRACKET: "AGE_BRACKET",
  JOB_SEEKER: "JOB_SEEKER",
  LONG_TERM_JOB_SEEKER: "LONG_TERM_JOB_SEEKER",
  UNEMPLOYMENT_BENEFIT: "UNEMPLOYMENT_BENEFIT",
  RSA: "RSA",
  DISABILITY: "DISABILITY",
  EDUCATION_LEVEL: "EDUCATION_LEVEL",
  PRIORITY_NEIGHBOURHOOD: "PRIORITY_NEIGHBOURHOOD",
  DEPARTEMENT: "DEPARTEMENT",
  SECTOR: "SECTOR",
  REFERRING_PARTNER_KIND: "REFERRING_PARTNER_KIND",
} as const;
export type FunderDimension = (typeof FunderDimension)[keyof typeof FunderDimension];
registerEnumType(FunderDimension, {
  name: "FunderDimension",
  description:
    'What people are counted by in the funders\' figures. Keys "YES", "NO" or "UNKNOWN" for the yes-or-no situations at entry (UNKNOWN: no entry situation recorded, or the question not answered).',
  valuesConfig: {
    GENDER: { description: "Gender as declared (sexe): FEMALE, MALE, OTHER, UNDISCLOSED." },
    AGE_BRACKET: {
      description: 'Age at the period\'s end (tranche d\'âge): "under 26", "26-35", "36-45", "46-55", "over 55" or "unknown".',
    },
    JOB_SEEKER: { description: "Registered job seeker at entry (demandeur d'emploi)." },
    LONG_TERM_JOB_SEEKER: {
      description:
        "Long-term job seeker at entry (demandeur d'emploi de longue durée): registered 12 months or more before the reception date. UNKNOWN when the registration date or the reception is missing.",
    },
    UNEMPLOYMENT_BENEFIT: { description: "Receiving unemployment benefit at entry (allocation chômage, ARE)." },
    RSA: { description: "Receiving the minimum income at entry (revenu de solidarité active, RSA)." },
    DISABILITY: { description: "Recognised disabled worker at entry (RQTH)." },
    EDUCATION_LEVEL: { description: 'Education level at entry (niveau de formation): BELOW_LEVEL_3, LEVEL_3 ... LEVEL_8, or "UNKNOWN".' },
    PRIORITY_NEIGHBOURHOOD: { description: "Living in a priority neighbourhood at entry (quartier prioritaire de la ville, QPV)." },
    DEPARTEMENT: { description: 'The département lived in at entry ("31", "2A", "971"), or "UNKNOWN".' },
    SECTOR: { description: 'The sector of the project at reception (secteur d\'activité), or "UNKNOWN" when not received.' },
    REFERRING_PARTNER_KIND: { description: 'The kind of the partner who referred the person (prescripteur), or "NONE".' },
  },
});

/** The steps of the path whose new entries the funders count. */
export const FunderStep = {
  INFORMATION_MEETING: "INFORMATION_MEETING",
  RECEPTION: "RECEPTION",
  ADMISSION: "ADMISSION",
  ORIENTATION: "ORIENTATION",
  OBJECTIVE_CONTRACT: "OBJECTIVE_CONTRACT",
  SUPPORT_AGREEMENT: "SUPPORT_AGREEMENT",
  EMPLOYMENT_CONTRACT: "EMPLOYMENT_CONTRACT",
  ASSOCIATE: "ASSOCIATE",
  EXIT: "EXIT",
} as const;
export type FunderStep = (typeof FunderStep)[keyof typeof FunderStep];
registerEnumType(FunderStep, {
  name: "FunderStep",
  description: "A step of the path (parcours) whose new entries the funders' figures count.",
  valuesConfig: {
    INFORMATION_MEETING: {
      description: "People whose first information meeting attended (réunion d'information collective) was held in the period.",
    },
    RECEPTION: { description: "Individual receptions (accueils) held in the period." },
    ADMISSION: { description: "Admissions decided in the period." },
    ORIENTATION: { description: "Orientations to a partner decided in the period." },
    OBJECTIVE_CONTRACT: { description: "People whose first objective contract (contrat d'objectif) started in the period." },
    SUPPORT_AGREEMENT: { description: "People whose first support agreement (CAPE) started in the period." },
    EMPLOYMENT_CONTRACT: { description: "People whose first employment contract (CESA) started in the period." },
    ASSOCIATE: { description: "Associates (sociétaires) admitted in the period." },
    EXIT: { description: "Exits (sorties) in the period." },
  },
});

@ObjectType({ description: "How many people have one key of one dimension." })
export class FunderBreakdown {
  @Field(() => FunderDimension, { description: "The dimension." })
  dimension: FunderDimension;

  @Field(() => String, { description: "The key within the dimension (see FunderDimension for each dimension's keys)." })
  key: string;

  @Field(() => Int, { description: "How many people." })
  count: number;
}

@ObjectType({ description: "How many new entries one step of the path had in the period." })
export class FunderStepCount {
  @Field(() => FunderStep, { description: "The step." })
  step: FunderStep;

  @Field(() => Int, { description: "How many entries (people)." })
  count: number;
}

@ObjectType({ description: "How many people had a contract of one kind in force in the period." })
export class FunderContractCount {
  @Field(() => ContractKind, { description: "The kind of contract." })
  kind: ContractKind;

  @Field(() => Int, { description: "How many people (each once, whatever their number of contracts of the kind)." })
  count: number;
}

@ObjectType({ description: "A count under one key." })
export class FunderKeyCount {
  @Field(() => String, { description: "The key." })
  key: string;

  @Field(() => Int, { description: "How many." })
  count: number;
}

@ObjectType({ description: "How many follow-ups after exit (suivi post-sortie) of one delay found one situation." })
export class FunderFollowUpCount {
  @Field(() => Int, { description: "Months after the exit: 6 or 12." })
  months: number;

  @Field(() => String, {
    description:
      "The situation recorded (OWN_COMPANY_ACTIVE, SALARIED_JOB, TRAINING, JOB_SEEKING, OTHER, NOT_REACHED), or NOT_RECORDED when none was recorded yet.",
  })
  situation: string;

  @Field(() => Int, { description: "How many people." })
  count: number;
}

@ObjectType({ description: "The support given in the period (accompagnement): sessions held in it." })
export class FunderSupport {
  @Field(() => Int, { description: "Individual sessions (entretiens individuels) held in the period." })
  individualSessions: number;

  @Field(() => Int, { description: "Their total length in minutes." })
  individualMinutes: number;

  @Field(() => Int, { description: "Workshops (ateliers collectifs) held in the period." })
  workshops: number;

  @Field(() => Int, { description: "Their total length in minutes, each workshop counted once whatever its number of participants." })
  workshopMinutes: number;

  @Field(() => Int, { description: "Participations in those workshops: one per person and workshop." })
  workshopAttendances: number;

  @Field(() => Int, { description: "People who attended at least one session (individual or workshop) in the period, each once." })
  peopleReached: number;

  @Field(() => Int, { description: "Workshops of the period whose signed attendance sheet (feuille d'émargement) is on file." })
  workshopsWithSignedSheet: number;
}

@ObjectType({
  description:
    "What partners and funders ask for over the period: the people supported and their situation at entry, entries at each step, people in each contract, what became of people after they left, and the support given.",
})
export class FunderFigures {
  @Field(() => Int, {
    description:
      "People supported in the period: a contract (objective, CAPE, CESA) in force on at least one day of it, or a support session (individual or workshop) attended in it.",
  })
  supported: number;

  @Field(() => [FunderBreakdown], { description: "The people supported, by dimension (every dimension listed; non-zero keys only)." })
  supportedBy: FunderBreakdown[];

  @Field(() => [FunderBreakdown], {
    description: "People received (individual reception, accueil) in the period, by dimension (non-zero keys only).",
  })
  receivedBy: FunderBreakdown[];

  @Field(() => [FunderStepCount], {
    description:
      "New entries at each step in the period: first information meeting attended, reception, admission, orientation, first contract of each kind started, associate, exit (non-zero steps only).",
  })
  entries: FunderStepCount[];

  @Field(() => [FunderContractCount], {
    description: "People with a contract of each kind in force on at least one day of the period (every kind listed).",
  })
  inContract: FunderContractCount[];

  @Field(() => [FunderKeyCount], {
    description: "Orientations to a partner decided in the period, by the partner's kind (non-zero kinds only).",
  })
  orientationsByPartnerKind: FunderKeyCount[];

  @Field(() => [FunderFollowUpCount], {
    description:
      "Follow-ups after exit whose date (exit + 6 or 12 months) falls in the period, by situation; NOT_RECORDED when none was recorded yet (non-zero only).",
  })
  followUps: FunderFollowUpCount[];

  @Field(() => FunderSupport, { description: "The support given in the period." })
  support: FunderSupport;
}
