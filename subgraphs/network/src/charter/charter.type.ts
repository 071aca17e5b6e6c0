import { Field, ID, InputType, ObjectType } from "type-graphql";
import { LocalDateScalar } from "@cae/shared";

@ObjectType({
  description:
    "A cooperative's adherence to the network's charter (charte du réseau): which version it signed, when, and until when it holds.",
})
export class CharterAdherence {
  @Field(() => ID, { description: 'Global ID, "network:<uuid>".' })
  id: string;

  @Field(() => ID, { description: "The cooperative that signed." })
  cooperativeId: string;

  @Field(() => String, { description: 'The charter\'s version ("2024").' })
  charterVersion: string;

  @Field(() => LocalDateScalar, { description: "When the cooperative signed it." })
  signedOn: string;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "The last day it holds, when the charter sets one; null: until the cooperative signs a later version.",
  })
  validUntil: string | null;

  @Field(() => String, { description: 'Who signed for the cooperative, and as what ("Marie Dupont, gérante").' })
  signatory: string;

  @Field(() => Boolean, { description: "Whether it holds today (in France): signed, not expired, not replaced by a later signature." })
  inForce: boolean;
}

@InputType({ description: "A cooperative's signature of a version of the network's charter." })
export class RecordCharterAdherenceInput {
  @Field(() => ID, { description: "The cooperative (a slug of the registry)." })
  cooperativeId: string;

  @Field(() => String, { description: 'The charter\'s version ("2024").' })
  charterVersion: string;

  @Field(() => LocalDateScalar, { description: "When it was signed; not in the future." })
  signedOn: string;

  @Field(() => LocalDateScalar, { nullable: true, description: "The last day it holds, when the charter sets one; after `signedOn`." })
  validUntil?: string | null;

  @Field(() => String, { description: "Who signed for the cooperative, and as what." })
  signatory: string;
}
