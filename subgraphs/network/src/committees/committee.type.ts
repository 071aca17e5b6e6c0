import { ArgsType, Field, ID, InputType, ObjectType, registerEnumType } from "type-graphql";
import { connectionType, DateTimeScalar, PageArgs } from "@cae/shared";
import type { CommitteeKindValue } from "./committee.entity";

export const CommitteeKind = {
  STEERING: "STEERING",
  TECHNICAL: "TECHNICAL",
} as const satisfies Record<CommitteeKindValue, CommitteeKindValue>;
registerEnumType(CommitteeKind, {
  name: "CommitteeKind",
  description: "What a committee of the network is for.",
  valuesConfig: {
    STEERING: {
      description: "A steering committee (comité de pilotage, COPIL): the network and its funders (DREETS, région, France Travail...).",
    },
    TECHNICAL: {
      description: "A technical committee (comité technique, COTECH): the people who carry out the work, per agreement or territory.",
    },
  },
});

@ObjectType({
  description:
    "A committee the network runs (steering or technical), for a funding agreement or a territory: its members, meetings, minutes and decisions.",
})
export class Committee {
  @Field(() => ID, { description: 'Global ID, "network:<uuid>".' })
  id: string;

  @Field(() => CommitteeKind, { description: "Steering or technical committee." })
  kind: CommitteeKindValue;

  @Field(() => String, { description: 'Its name, unique in the network ("COPIL Bretagne – DREETS 2026").' })
  name: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The funding agreement it oversees ("network:<uuid>"); null for a committee of a territory rather than of an agreement.',
  })
  fundingAgreementId: string | null;

  @Field(() => String, { nullable: true, description: 'The territory it covers, in words ("Région Bretagne"); null when not given.' })
  territory: string | null;

  @Field(() => DateTimeScalar, { description: "When it was created in the network's records." })
  createdAt: Date;
}

export const CommitteeConnection = connectionType(Committee, "Committee", "committee");

@ArgsType()
export class CommitteesArgs extends PageArgs {
  @Field(() => CommitteeKind, { nullable: true, description: "Only the committees of this kind; every kind when absent." })
  kind?: CommitteeKindValue | null;
}

@InputType({ description: "A new committee of the network." })
export class CreateCommitteeInput {
  @Field(() => CommitteeKind, { description: "Steering or technical committee." })
  kind: CommitteeKindValue;

  @Field(() => String, { description: "Its name (at most 200 characters), unique in the network whatever the case." })
  name: string;

  @Field(() => ID, { nullable: true, description: 'The funding agreement it oversees ("network:<uuid>"), when it oversees one.' })
  fundingAgreementId?: string | null;

  @Field(() => String, { nullable: true, description: "The territory it covers, in words (at most 500 characters)." })
  territory?: string | null;
}

@InputType({ description: "A correction of a committee: only the fields given change; a null funding agreement or territory removes it." })
export class UpdateCommitteeInput {
  @Field(() => ID, { description: "The committee." })
  committeeId: string;

  @Field(() => CommitteeKind, { nullable: true, description: "Its kind, when it was recorded wrong." })
  kind?: CommitteeKindValue | null;

  @Field(() => String, { nullable: true, description: "Its new name." })
  name?: string | null;

  @Field(() => ID, { nullable: true, description: "The funding agreement it oversees; null: none." })
  fundingAgreementId?: string | null;

  @Field(() => String, { nullable: true, description: "The territory it covers; null: none." })
  territory?: string | null;
}
