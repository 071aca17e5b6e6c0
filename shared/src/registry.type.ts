import { Directive, Field, ObjectType } from "type-graphql";

/** One type in the gateway's own subgraph (the registry it routes by) and in the network's (the registry it keeps). */
@ObjectType({ description: "Where a cooperative's subgraphs answer, as the network's registry lists them." })
@Directive("@shareable")
export class CooperativeEndpoints {
  @Field(() => String, { description: "URL of the cooperative's members subgraph." })
  members: string;

  @Field(() => String, { description: "URL of the cooperative's contracts subgraph." })
  contracts: string;

  @Field(() => String, { description: "URL of the cooperative's finance subgraph." })
  finance: string;
}
