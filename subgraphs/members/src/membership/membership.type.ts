import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { CentsScalar, LocalDateScalar } from "@cae/shared";

export const ExitReason = {
  OWN_COMPANY: "OWN_COMPANY",
  SALARIED_JOB: "SALARIED_JOB",
  TRAINING: "TRAINING",
  ABANDONED: "ABANDONED",
  NOT_VIABLE: "NOT_VIABLE",
  RETIREMENT: "RETIREMENT",
  HEALTH_OR_PERSONAL: "HEALTH_OR_PERSONAL",
  CONTRACT_TERM: "CONTRACT_TERM",
  OTHER: "OTHER",
} as const;
export type ExitReason = (typeof ExitReason)[keyof typeof ExitReason];

registerEnumType(ExitReason, {
  name: "ExitReason",
  description: "Why a person left the cooperative (motif de sortie).",
  valuesConfig: {
    OWN_COMPANY: { description: "Created their own company (création d'entreprise)." },
    SALARIED_JOB: { description: "Took a salaried job elsewhere (emploi salarié)." },
    TRAINING: { description: "Went into training (formation)." },
    ABANDONED: { description: "Abandoned the project (abandon)." },
    NOT_VIABLE: { description: "The activity proved not viable (activité non viable)." },
    RETIREMENT: { description: "Retired (retraite)." },
    HEALTH_OR_PERSONAL: { description: "Health or personal reasons (raisons de santé ou personnelles)." },
    CONTRACT_TERM: { description: "The employment contract reached its legal term (L7331-3: not an associate within 3 years)." },
    OTHER: { description: "Another reason (autre)." },
  },
});

@ObjectType({ description: "Membership of the cooperative as an associate (sociétaire)." })
export class Associate {
  @Field(() => LocalDateScalar, { description: "Date of admission as an associate (date d'admission)." })
  admittedOn: string;

  @Field(() => Int, { description: "Number of shares held (nombre de parts sociales)." })
  shares: number;

  @Field(() => CentsScalar, { description: "Value of one share (valeur de la part sociale)." })
  shareValueCents: bigint;

  @Field(() => CentsScalar, { description: "Capital held: shares times share value." })
  capitalCents: bigint;

  @Field(() => LocalDateScalar, { nullable: true, description: "End of the membership, at the person's exit." })
  endedOn: string | null;
}

@ObjectType({ description: "A person's exit from the cooperative (sortie)." })
export class Exit {
  @Field(() => LocalDateScalar, { description: "Date of exit (date de sortie)." })
  exitedOn: string;

  @Field(() => ExitReason, { description: "Why the person left (motif)." })
  reason: ExitReason;

  @Field(() => String, { nullable: true, description: "Counselor's notes on the exit." })
  notes: string | null;
}

@InputType({ description: "Admission of an admitted person as an associate (sociétaire)." })
export class AdmitAssociateInput {
  @Field(() => ID, { description: "The person; the request goes to their cooperative." })
  personId: string;

  @Field(() => LocalDateScalar, { description: "Date of admission." })
  admittedOn: string;

  @Field(() => Int, { description: "Number of shares subscribed, at least 1." })
  shares: number;

  @Field(() => CentsScalar, { description: "Value of one share, more than zero." })
  shareValueCents: bigint;
}

/** The legal modes that end an employment contract (CESA), apart from what the person goes on to do (`ExitReason`). */
export const EmploymentEndMode = {
  RESIGNATION: "RESIGNATION",
  MUTUAL_AGREEMENT: "MUTUAL_AGREEMENT",
  DISMISSAL: "DISMISSAL",
  TRIAL_PERIOD: "TRIAL_PERIOD",
  TERM_REACHED: "TERM_REACHED",
  ASSOCIATE_DEADLINE: "ASSOCIATE_DEADLINE",
} as const;
export type EmploymentEndMode = (typeof EmploymentEndMode)[keyof typeof EmploymentEndMode];

registerEnumType(EmploymentEndMode, {
  name: "EmploymentEndMode",
  description: "How an employment contract (CESA) ends in law (mode de rupture), apart from the person's outcome.",
  valuesConfig: {
    RESIGNATION: { description: "The entrepreneur resigned (démission)." },
    MUTUAL_AGREEMENT: { description: "Mutual termination (rupture conventionnelle, L1237-11)." },
    DISMISSAL: { description: "Dismissal (licenciement)." },
    TRIAL_PERIOD: { description: "Ended during the trial period (rupture de la période d'essai)." },
    TERM_REACHED: { description: "A fixed-term contract reached its term (fin de CDD)." },
    ASSOCIATE_DEADLINE: { description: "Not an associate within the legal deadline (L7331-3): the contract ends." },
  },
});

@InputType({ description: "A person's exit from the cooperative." })
export class RecordExitInput {
  @Field(() => ID, { description: "The person; the request goes to their cooperative." })
  personId: string;

  @Field(() => LocalDateScalar, { description: "Date of exit: not before the person's first contact." })
  exitedOn: string;

  @Field(() => ExitReason, { description: "Why the person leaves." })
  reason: ExitReason;

  @Field(() => String, { nullable: true, description: "Counselor's notes." })
  notes?: string | null;

  @Field(() => EmploymentEndMode, {
    nullable: true,
    description:
      "How the employment contract (CESA) in force ends with the exit: required when one is in force on the exit date. The exit ends every contract of the person in force then (docs/contracts.md).",
  })
  employmentEndMode?: EmploymentEndMode | null;
}
