import { Directive, Field, ID, ObjectType } from "type-graphql";

/** The network's records about a cooperative; its name and data come from the gateway and the cooperative's own subgraphs. */
@ObjectType({ description: "A cooperative of the network (coopérative d'activité et d'emploi, CAE)." })
@Directive('@key(fields: "id")')
export class Cooperative {
  @Field(() => ID, { description: 'The cooperative\'s slug ("alpes-entreprendre").' })
  id: string;
}
