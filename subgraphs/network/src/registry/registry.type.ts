import { Field, ID, InputType, ObjectType } from "type-graphql";
import { CooperativeEndpoints, LocalDateScalar } from "@cae/shared";

@ObjectType({
  description:
    "A cooperative's entry in the network's registry: what the gateway routes by. Changed by the network's admins only, each change audited.",
})
export class CooperativeRegistration {
  @Field(() => ID, { description: 'The cooperative\'s slug ("alpes-entreprendre").' })
  cooperativeId: string;

  @Field(() => String, { description: "Name of the cooperative (raison sociale or usual name)." })
  name: string;

  @Field(() => String, { description: "Administrative region (région) where the cooperative works." })
  region: string;

  @Field(() => String, {
    nullable: true,
    description: 'INSEE code of the département of its seat ("38", "2A", "971"); null when not given.',
  })
  departement: string | null;

  @Field(() => CooperativeEndpoints, { description: "Where its subgraphs answer." })
  endpoints: CooperativeEndpoints;

  @Field(() => LocalDateScalar, { description: "When it joined the network." })
  joinedOn: string;

  @Field(() => LocalDateScalar, { nullable: true, description: "When it left the network; null while it is a member." })
  withdrawnOn: string | null;

  @Field(() => String, { nullable: true, description: "Why it left, as the network's admin recorded it." })
  withdrawalReason: string | null;
}

@InputType({ description: "Where a cooperative's three subgraphs answer: http(s) URLs of their /graphql." })
export class CooperativeEndpointsInput {
  @Field(() => String, { description: "URL of its members subgraph." })
  members: string;

  @Field(() => String, { description: "URL of its contracts subgraph." })
  contracts: string;

  @Field(() => String, { description: "URL of its finance subgraph." })
  finance: string;
}

@InputType({ description: "A cooperative joining the network." })
export class RegisterCooperativeInput {
  @Field(() => ID, { description: 'Its slug: lowercase letters, digits and dashes ("loire-entreprendre"); it cannot change later.' })
  cooperativeId: string;

  @Field(() => String, { description: "Its name." })
  name: string;

  @Field(() => String, { description: "Its administrative region." })
  region: string;

  @Field(() => String, { nullable: true, description: "INSEE code of the département of its seat." })
  departement?: string | null;

  @Field(() => CooperativeEndpointsInput, { description: "Where its subgraphs answer." })
  endpoints: CooperativeEndpointsInput;

  @Field(() => LocalDateScalar, { nullable: true, description: "When it joined; today (in France) when absent." })
  joinedOn?: string | null;
}

@InputType({ description: "A correction of a cooperative's entry: only the fields given change." })
export class UpdateCooperativeRegistrationInput {
  @Field(() => ID, { description: "The cooperative." })
  cooperativeId: string;

  @Field(() => String, { nullable: true, description: "Its new name." })
  name?: string | null;

  @Field(() => String, { nullable: true, description: "Its new region." })
  region?: string | null;

  @Field(() => String, { nullable: true, description: "Its new département code." })
  departement?: string | null;

  @Field(() => CooperativeEndpointsInput, { nullable: true, description: "Where its subgraphs now answer (a move to new servers)." })
  endpoints?: CooperativeEndpointsInput | null;
}

@InputType({ description: "A cooperative leaving the network." })
export class WithdrawCooperativeInput {
  @Field(() => ID, { description: "The cooperative." })
  cooperativeId: string;

  @Field(() => LocalDateScalar, { description: "When it left." })
  withdrawnOn: string;

  @Field(() => String, { description: "Why it left." })
  reason: string;
}
