import { Field, ID, InputType, ObjectType } from "type-graphql";
import { LocalDateScalar, Sector, type Sector as SectorValue } from "@cae/shared";

@ObjectType({ description: "An economic activity a person runs in the cooperative (activité économique); a person may run several." })
export class Activity {
  @Field(() => ID, { description: 'Global ID, "<cooperative>:<uuid>".' })
  id: string;

  @Field(() => String, { description: "Name of the activity." })
  name: string;

  @Field(() => String, { nullable: true, description: "Trade name (enseigne) the activity is known by." })
  tradeName: string | null;

  @Field(() => Sector, { description: "Sector of the activity." })
  sector: SectorValue;

  @Field(() => String, { nullable: true, description: 'Code of the activity in the French classification (code NAF/APE, "74.10Z").' })
  nafCode: string | null;

  @Field(() => LocalDateScalar, { description: "Date the activity started (date de démarrage)." })
  startedOn: string;

  /** Whose activity it is (local ID): for the access policy, no GraphQL field. */
  personId: string;
}

@InputType({ description: "An activity a person starts in the cooperative." })
export class StartActivityInput {
  @Field(() => ID, { description: "The person; the request goes to their cooperative." })
  personId: string;

  @Field(() => String, { description: "Name of the activity." })
  name: string;

  @Field(() => String, { nullable: true, description: "Trade name (enseigne)." })
  tradeName?: string | null;

  @Field(() => Sector, { description: "Sector of the activity." })
  sector: SectorValue;

  @Field(() => String, { nullable: true, description: 'NAF/APE code: two digits, a dot, two digits and a capital letter ("74.10Z").' })
  nafCode?: string | null;

  @Field(() => LocalDateScalar, { description: "Date the activity starts: not before the person's first contact." })
  startedOn: string;
}
