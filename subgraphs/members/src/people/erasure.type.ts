import { Field, ObjectType, registerEnumType } from "type-graphql";
import { DateTimeScalar } from "@cae/shared";

export const ErasureState = { DONE: "DONE", PENDING: "PENDING" } as const;
export type ErasureState = (typeof ErasureState)[keyof typeof ErasureState];
registerEnumType(ErasureState, {
  name: "ErasureState",
  description: "Whether a subgraph has erased its part yet.",
  valuesConfig: {
    DONE: { description: "Erased: the part says what went and what the law keeps." },
    PENDING: {
      description: "Not reported yet: the erasure is on its way to that subgraph (it may be down); it is applied when it gets there.",
    },
  },
});

@ObjectType({ description: "Something an erasure kept, and the rule that keeps it." })
export class KeptRecord {
  @Field(() => String, { description: "What was kept." })
  what: string;

  @Field(() => String, { description: "Why the law or the cooperative's counts keep it, with the source." })
  why: string;
}

@ObjectType({ description: "One subgraph's part of erasing a person." })
export class ErasurePart {
  @Field(() => String, { description: "The subgraph: members, contracts or finance." })
  subgraph: string;

  @Field(() => ErasureState, { description: "Done, or still on its way." })
  state: ErasureState;

  @Field(() => DateTimeScalar, { nullable: true, description: "When that subgraph erased its part; null while pending." })
  appliedAt: Date | null;

  @Field(() => [String], { description: "What was erased or pseudonymised." })
  erased: string[];

  @Field(() => [KeptRecord], { description: "What was kept, and why." })
  kept: KeptRecord[];
}

@ObjectType({ description: "What erasing a person's data did, subgraph by subgraph (RGPD art. 17)." })
export class PersonErasure {
  @Field(() => DateTimeScalar, { description: "When the erasure was asked for." })
  erasedAt: Date;

  @Field(() => Boolean, { description: "Whether every subgraph has erased its part." })
  complete: boolean;

  @Field(() => [ErasurePart], { description: "Each subgraph's part: members, contracts, finance." })
  parts: ErasurePart[];
}
