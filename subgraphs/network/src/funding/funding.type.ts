import { ArgsType, Directive, Field, ID, InputType, ObjectType, registerEnumType } from "type-graphql";
import {
  CentsScalar,
  connectionType,
  FunderReportPartEnum,
  LocalDateScalar,
  PageArgs,
  type FunderReportPart as FunderReportPartValue,
} from "@cae/shared";

export const TerritoryKind = { NETWORK: "NETWORK", REGION: "REGION", DEPARTEMENT: "DEPARTEMENT" } as const;
export type TerritoryKind = (typeof TerritoryKind)[keyof typeof TerritoryKind];
registerEnumType(TerritoryKind, {
  name: "TerritoryKind",
  description: "What a funding agreement's territory is: the whole network, a region, or a département.",
  valuesConfig: {
    NETWORK: { description: "The whole network: every cooperative." },
    REGION: { description: "A region (région): the cooperatives of the registry in that region." },
    DEPARTEMENT: { description: "A département: the cooperatives of the registry whose seat is in it." },
  },
});

@ObjectType({ description: "Where a funding agreement applies: the whole network, a region or a département." })
export class FundingTerritory {
  @Field(() => TerritoryKind, { description: "Whether it is the whole network, a region or a département." })
  kind: TerritoryKind;

  @Field(() => String, { nullable: true, description: 'The region, as the registry writes it ("Bretagne"); set for REGION only.' })
  region: string | null;

  @Field(() => String, { nullable: true, description: 'INSEE code of the département ("35", "2A", "971"); set for DEPARTEMENT only.' })
  departement: string | null;
}

@ObjectType({
  description:
    "A funding agreement (convention de financement) between a partner and the network: who funds what, for which territory and period, " +
    "with which indicators owed. Signed and amended by the network's admins only, each change audited.",
})
@Directive('@key(fields: "id")')
export class FundingAgreement {
  @Field(() => ID, { description: 'Global ID, "network:<uuid>".' })
  id: string;

  /** The partner's local ID, for the `partner` field's loader. */
  partnerLocalId: string;

  @Field(() => String, { description: "The partner's number for the agreement (numéro de convention); unique per partner." })
  reference: string;

  @Field(() => String, { description: 'What the agreement funds, in a few words ("Accompagnement des porteurs de projet 2026").' })
  title: string;

  @Field(() => FundingTerritory, { description: "Where it applies." })
  territory: FundingTerritory;

  @Field(() => LocalDateScalar, { description: "The first day it covers." })
  startsOn: string;

  @Field(() => LocalDateScalar, { description: "The last day it covers, included." })
  endsOn: string;

  @Field(() => CentsScalar, { description: "The amount granted for the whole period, in euro cents." })
  amountCents: bigint;

  @Field(() => LocalDateScalar, { description: "When it was signed." })
  signedOn: string;

  @Field(() => [FunderReportPartEnum], {
    description: "The parts of the funder report the partner is owed, in the order the agreement lists them.",
  })
  indicatorsOwed: FunderReportPartValue[];
}

export const FundingAgreementConnection = connectionType(FundingAgreement, "FundingAgreement", "funding agreement");

@InputType({
  description: "Where a funding agreement applies: a region only for REGION, a département only for DEPARTEMENT, neither for NETWORK.",
})
export class FundingTerritoryInput {
  @Field(() => TerritoryKind, { description: "The whole network, a region or a département." })
  kind: TerritoryKind;

  @Field(() => String, { nullable: true, description: 'The region as the registry writes it ("Auvergne-Rhône-Alpes"); for REGION only.' })
  region?: string | null;

  @Field(() => String, { nullable: true, description: 'INSEE code of the département ("38", "2A", "971"); for DEPARTEMENT only.' })
  departement?: string | null;
}

@InputType({ description: "A funding agreement a partner signed with the network." })
export class SignFundingAgreementInput {
  @Field(() => ID, { description: 'The partner that funds ("network:<uuid>").' })
  partnerId: string;

  @Field(() => String, { description: "The partner's number for the agreement; no other agreement of that partner may have it." })
  reference: string;

  @Field(() => String, { description: "What it funds, in a few words." })
  title: string;

  @Field(() => FundingTerritoryInput, { description: "Where it applies." })
  territory: FundingTerritoryInput;

  @Field(() => LocalDateScalar, { description: "The first day it covers; at most five years ahead." })
  startsOn: string;

  @Field(() => LocalDateScalar, { description: "The last day it covers: not before `startsOn`, at most ten years after it." })
  endsOn: string;

  @Field(() => CentsScalar, { description: "The amount granted for the whole period, in euro cents: more than zero." })
  amountCents: bigint;

  @Field(() => LocalDateScalar, { description: "When it was signed: not in the future." })
  signedOn: string;

  @Field(() => [FunderReportPartEnum], { description: "The parts of the funder report it asks for: at least one, each once." })
  indicatorsOwed: FunderReportPartValue[];
}

@InputType({
  description:
    "An amendment to a funding agreement (avenant): only the fields given change; each amendment is audited with before and after.",
})
export class AmendFundingAgreementInput {
  @Field(() => ID, { description: 'The agreement ("network:<uuid>").' })
  fundingAgreementId: string;

  @Field(() => LocalDateScalar, { nullable: true, description: "Its new last day: not before its first day, at most ten years after it." })
  endsOn?: string | null;

  @Field(() => CentsScalar, { nullable: true, description: "Its new amount for the whole period, in euro cents: more than zero." })
  amountCents?: bigint | null;

  @Field(() => [FunderReportPartEnum], {
    nullable: true,
    description: "The parts of the funder report it now asks for, replacing the list: at least one, each once.",
  })
  indicatorsOwed?: FunderReportPartValue[] | null;

  @Field(() => String, { nullable: true, description: "Its new title." })
  title?: string | null;
}

@ArgsType()
export class FundingAgreementsArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: "Only the agreements of this partner." })
  partnerId?: string | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "Only the agreements that cover this day (from `startsOn` to `endsOn`, both included).",
  })
  activeOn?: string | null;

  @Field(() => TerritoryKind, { nullable: true, description: "Only the agreements for this kind of territory." })
  territoryKind?: TerritoryKind | null;
}
