import { Authorized, Directive, Field, ID, ObjectType, registerEnumType } from "type-graphql";
import {
  CentsScalar,
  PERSONAL_DATA_READERS,
  connectionType,
  DecimalScalar,
  LocalDateScalar,
  ContractKind,
  type ContractKind as ContractKindValue,
  type ContractStatus as ContractStatusValue,
} from "@cae/shared";

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

@ObjectType({ description: "A cooperative of the network, as its contracts service sees it." })
@Directive('@key(fields: "id")')
export class Cooperative {
  @Field(() => ID, { description: "The cooperative's slug." })
  id: string;
}

@ObjectType({ description: "A person, as the contracts service sees it." })
@Directive('@key(fields: "id")')
export class Person {
  @Field(() => ID, { description: 'Global ID, "<cooperative>:<uuid>".' })
  id: string;
}

@ObjectType({ description: "A contract of a person's path: objective contract, support agreement (CAPE) or employment contract (CESA)." })
@Directive('@key(fields: "id")')
export class Contract {
  @Field(() => ID, { description: 'Global ID, "<cooperative>:<uuid>".' })
  id: string;

  @Field(() => ContractKind, { description: "Which contract of the path this is." })
  kind: ContractKindValue;

  @Field(() => ContractStatus, { description: "Where the contract stands in its lifecycle." })
  status: ContractStatusValue;

  @Field(() => LocalDateScalar, { description: "First day of the contract (date de début)." })
  startsOn: string;

  @Field(() => LocalDateScalar, { nullable: true, description: "Last day of the contract (date de fin), when it has one." })
  endsOn: string | null;

  @Authorized(PERSONAL_DATA_READERS)
  @Field(() => DecimalScalar, {
    nullable: true,
    description: "Employment contracts: monthly hours (heures mensuelles), at most 151.67 (full time).",
  })
  monthlyHours: string | null;

  @Authorized(PERSONAL_DATA_READERS)
  @Field(() => CentsScalar, { nullable: true, description: "Employment contracts: fixed gross monthly pay (part fixe du salaire brut)." })
  fixedMonthlyPay: bigint | null;

  @Field(() => Person, { description: "The person the contract binds to the cooperative." })
  person: Person;
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
  furthestContract: ContractKindValue | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "Start of the first signed objective contract." })
  objectiveContractOn: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "Start of the first signed support agreement (CAPE)." })
  supportAgreementOn: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "Start of the first signed employment contract (CESA)." })
  employmentContractOn: string | null;
}

export const ContractConnection = connectionType(Contract, "Contract", "contract");
