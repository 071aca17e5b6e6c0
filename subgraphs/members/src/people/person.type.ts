import { ArgsType, Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import {
  connectionType,
  DateTimeScalar,
  PageArgs,
  Sector,
  type Sector as SectorValue,
  ContractKind,
  type ContractKind as ContractKindValue,
  LocalDateScalar,
  type Gender as GenderValue,
  type WelcomeStage as WelcomeStageValue,
} from "@cae/shared";

export const Gender = { FEMALE: "FEMALE", MALE: "MALE", OTHER: "OTHER", UNDISCLOSED: "UNDISCLOSED" } as const satisfies Record<
  GenderValue,
  GenderValue
>;
registerEnumType(Gender, {
  name: "Gender",
  description: "Gender as the person declares it (genre), for the network's indicators; UNDISCLOSED when not given.",
});

export const WelcomeStage = {
  PROSPECT: "PROSPECT",
  RECEIVED: "RECEIVED",
  ADMITTED: "ADMITTED",
  ORIENTED: "ORIENTED",
} as const satisfies Record<WelcomeStageValue, WelcomeStageValue>;
registerEnumType(WelcomeStage, {
  name: "WelcomeStage",
  description: "Where the person stands in the welcome (accueil): before the contracts of the path.",
  valuesConfig: {
    PROSPECT: { description: "Attended an information meeting (réunion d'information collective), not yet received." },
    RECEIVED: { description: "Received individually (accueil individuel); the decision is pending." },
    ADMITTED: { description: "Admitted into the cooperative after the reception's pre-analysis." },
    ORIENTED: { description: "Referred to a partner (orientation) instead of joining." },
  },
});

/**
 * The contracts subgraph's steps of one person, received through `@requires` (never shown to
 * clients). Only the fields some `@requires` selects may be declared here (federation refuses
 * unused external fields); the contracts subgraph also has the first date of each kind.
 */
@ObjectType({ description: "The contract steps one person has reached." })
@Directive("@inaccessible")
@Directive("@external")
export class ContractMilestones {
  @Field(() => ID, { description: 'The person\'s global ID, "<cooperative>:<uuid>".' })
  personId: string;

  @Field(() => ContractKind, { nullable: true, description: "The furthest kind of contract signed." })
  furthestContractKind: ContractKindValue | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "Start of the first signed objective contract." })
  objectiveContractOn?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "Start of the first signed support agreement (CAPE)." })
  supportAgreementOn?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "Start of the first signed employment contract (CESA)." })
  employmentContractOn?: string | null;
}

@ObjectType({ description: "A cooperative of the network, as its members service sees it." })
@Directive('@key(fields: "id")')
export class Cooperative {
  @Field(() => ID, { description: "The cooperative's slug." })
  id: string;

  /** Owned by the contracts subgraph; present when a field of this subgraph `@requires` it. */
  @Directive("@external")
  @Field(() => [ContractMilestones], { description: "Each person's contract steps (contracts subgraph; inaccessible to clients)." })
  contractMilestones?: ContractMilestones[];
}

@ObjectType({ description: "A person the cooperative welcomes: a project holder (porteur de projet), then an entrepreneur." })
@Directive('@key(fields: "id")')
export class Person {
  @Field(() => ID, { description: 'Global ID, "<cooperative>:<uuid>".' })
  id: string;

  @Field(() => String, { description: "First name (prénom)." })
  firstName: string;

  @Field(() => String, { description: "Last name (nom)." })
  lastName: string;

  @Field(() => String, { nullable: true, description: "Email address." })
  email: string | null;

  @Field(() => String, { nullable: true, description: "Phone number." })
  phone: string | null;

  @Field(() => Gender, { description: "Declared gender (genre)." })
  gender: GenderValue;

  @Field(() => Int, { nullable: true, description: "Year of birth (année de naissance), for age brackets." })
  birthYear: number | null;

  @Field(() => String, { nullable: true, description: "Postcode of residence (code postal)." })
  postcode: string | null;

  @Field(() => WelcomeStage, { description: "Where the person stands in the welcome (accueil)." })
  welcomeStage: WelcomeStageValue;

  @Field(() => LocalDateScalar, { description: "First contact: the information meeting attended (réunion d'information collective)." })
  firstContactOn: string;

  @Field(() => LocalDateScalar, { nullable: true, description: "Date of the individual reception (accueil individuel), once received." })
  receivedOn: string | null;

  @Field(() => Cooperative, { description: "The cooperative that welcomes the person." })
  cooperative: Cooperative;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: "When the person's personal data was erased (effacement RGPD); null while kept.",
  })
  erasedAt: Date | null;

  /** Internal references, resolved by the follow-up resolver (no GraphQL field of their own). */
  counselorId?: string | null;
  referringPartnerId?: string | null;

  /** The contracts subgraph's: sent with the representation when `stage` is asked for. */
  @Directive("@external")
  @Field(() => ContractKind, { nullable: true, description: "The furthest contract of the person's path signed so far." })
  furthestContractKind?: ContractKindValue | null;
}

export const PersonConnection = connectionType(Person, "Person", "person");

@InputType({ description: "Who a prospect is: names and contact." })
export class ProspectInput {
  @Field(() => String, { description: "First name (prénom)." })
  firstName: string;

  @Field(() => String, { description: "Last name (nom)." })
  lastName: string;

  @Field(() => String, { nullable: true, description: "Email address, unique in the cooperative." })
  email?: string | null;

  @Field(() => String, { nullable: true, description: "Phone number." })
  phone?: string | null;

  @Field(() => Gender, { nullable: true, description: "Declared gender; UNDISCLOSED when not given." })
  gender?: GenderValue | null;

  @Field(() => Int, { nullable: true, description: "Year of birth." })
  birthYear?: number | null;

  @Field(() => String, { nullable: true, description: "Postcode of residence, 5 digits." })
  postcode?: string | null;
}

@InputType({ description: "A person to register at their first contact with the cooperative (a prospect)." })
export class RegisterPersonInput extends ProspectInput {
  @Field(() => ID, { description: "The cooperative that welcomes the person: the request is sent to it." })
  cooperativeId: string;

  @Field(() => LocalDateScalar, { description: "Date of the first contact (the information meeting attended)." })
  firstContactOn: string;
}

@InputType({
  description:
    "A correction of a person's identity and contact: only the fields given change, a null clears an optional one (the gender reads UNDISCLOSED again).",
})
export class UpdatePersonInput {
  @Field(() => ID, { description: "The person; the request goes to their cooperative." })
  id: string;

  @Field(() => String, { nullable: true, description: "First name (prénom); required, so it may not be cleared." })
  firstName?: string | null;

  @Field(() => String, { nullable: true, description: "Last name (nom); required, so it may not be cleared." })
  lastName?: string | null;

  @Field(() => String, { nullable: true, description: "Email address, unique in the cooperative; null clears it." })
  email?: string | null;

  @Field(() => String, { nullable: true, description: "Phone number; null clears it." })
  phone?: string | null;

  @Field(() => Gender, { nullable: true, description: "Declared gender; null makes it UNDISCLOSED." })
  gender?: GenderValue | null;

  @Field(() => Int, { nullable: true, description: "Year of birth; null clears it." })
  birthYear?: number | null;

  @Field(() => String, { nullable: true, description: "Postcode of residence, 5 digits; null clears it." })
  postcode?: string | null;
}

@ArgsType()
export class PeopleFilterArgs extends PageArgs {
  @Field(() => WelcomeStage, { nullable: true, description: "Only the people at this welcome stage." })
  welcomeStage?: WelcomeStageValue | null;

  @Field(() => Sector, { nullable: true, description: "Only the people whose project (at the reception) is in this sector." })
  sector?: SectorValue | null;

  @Field(() => ID, { nullable: true, description: "Only the people this counselor follows." })
  counselorId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Only the people whose first name, last name or email contains this text (any case).",
  })
  search?: string | null;
}

@InputType({ description: "The erasure of a person's personal data (droit à l'effacement, RGPD)." })
export class ErasePersonInput {
  @Field(() => ID, { description: "The person; the request goes to their cooperative." })
  id: string;

  @Field(() => String, { description: "Why the data is erased (the person's request, end of the retention period...)." })
  reason: string;
}
