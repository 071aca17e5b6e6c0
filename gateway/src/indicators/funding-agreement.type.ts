import { ArgsType, Directive, Field, ID, ObjectType } from "type-graphql";
import { FunderReportPartEnum, LocalDateScalar, type FunderReportPart } from "@cae/shared";

/**
 * A funding agreement of the network's subgraph, which the gateway reports on: the fields its
 * report needs are the network subgraph's (`@external`), sent along by the query planner.
 */
@ObjectType({ description: "A funding agreement (convention de financement) between the network and a partner." })
@Directive('@key(fields: "id")')
export class FundingAgreement {
  @Field(() => ID, { description: 'Global ID, "network:<uuid>".' })
  id: string;

  @Directive("@external")
  @Field(() => String, { description: "Its title." })
  title: string;

  @Directive("@external")
  @Field(() => String, { description: "The partner's reference for it." })
  reference: string;

  @Directive("@external")
  @Field(() => LocalDateScalar, { description: "First day it covers." })
  startsOn: string;

  @Directive("@external")
  @Field(() => LocalDateScalar, { description: "Last day it covers." })
  endsOn: string;

  @Directive("@external")
  @Field(() => [FunderReportPartEnum], { description: "The parts of the funder report it owes." })
  indicatorsOwed: FunderReportPart[];

  @Directive("@external")
  @Field(() => [ID], { description: "The cooperatives of its territory." })
  cooperativeIds: string[];
}

@ArgsType()
export class FundingAgreementReportArgs {
  @Field(() => LocalDateScalar, {
    description: "First day of the period reported: a calendar month's, quarter's or year's that overlaps the agreement.",
  })
  from: string;

  @Field(() => LocalDateScalar, { description: "Last day of the period reported (the month's, quarter's or year's last day)." })
  to: string;
}
