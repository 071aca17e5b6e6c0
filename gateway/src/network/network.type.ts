import { Directive, Field, ID, ObjectType } from "type-graphql";
import { connectionType, CooperativeEndpoints } from "@cae/shared";

@ObjectType({ description: "A cooperative of the network (coopérative d'activité et d'emploi, CAE), as the network's registry lists it." })
@Directive('@key(fields: "id")')
export class Cooperative {
  @Field(() => ID, { description: 'The cooperative\'s slug ("alpes-entreprendre"); every ID of its data starts with it.' })
  id: string;

  @Field(() => String, { description: "Name of the cooperative (raison sociale or usual name)." })
  name: string;

  @Field(() => String, { description: "Administrative region (région) where the cooperative works." })
  region: string;

  @Field(() => CooperativeEndpoints, { description: "Where the cooperative's subgraphs answer (network roles only)." })
  endpoints: CooperativeEndpoints;
}

export const CooperativeConnection = connectionType(Cooperative, "Cooperative", "cooperative");

/** The network only names a person: every field comes from the person's own cooperative. */
@ObjectType({ description: "A person welcomed by a cooperative." })
@Directive('@key(fields: "id", resolvable: false)')
export class Person {
  @Field(() => ID, { description: 'Global ID, "<cooperative>:<uuid>".' })
  id: string;
}
