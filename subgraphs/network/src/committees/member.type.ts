import { Field, ID, InputType, ObjectType } from "type-graphql";
import { LocalDateScalar } from "@cae/shared";

@ObjectType({ description: "A person sitting on a committee, for one spell of membership: who they are and whom they represent." })
export class CommitteeMember {
  @Field(() => ID, { description: 'Global ID, "network:<uuid>".' })
  id: string;

  @Field(() => String, { description: "Their first and last name." })
  fullName: string;

  @Field(() => String, { description: 'The organisation they represent ("DREETS Bretagne", "Alpes Entreprendre").' })
  organisation: string;

  @Field(() => String, { description: 'Their role on the committee, in words ("Présidente", "Représentant DREETS").' })
  role: string;

  @Field(() => String, { nullable: true, description: "Their email address, to send convocations and minutes; null when not given." })
  email: string | null;

  @Field(() => LocalDateScalar, { description: "Their first day on the committee." })
  joinedOn: string;

  @Field(() => LocalDateScalar, { nullable: true, description: "Their last day on the committee (included); null while they sit on it." })
  leftOn: string | null;
}

@InputType({ description: "A person joining a committee." })
export class AddCommitteeMemberInput {
  @Field(() => ID, { description: "The committee." })
  committeeId: string;

  @Field(() => String, { description: "Their first and last name; one sitting member of that name per committee." })
  fullName: string;

  @Field(() => String, { description: "The organisation they represent." })
  organisation: string;

  @Field(() => String, { description: 'Their role on the committee ("Présidente", "Représentant DREETS").' })
  role: string;

  @Field(() => String, { nullable: true, description: "Their email address." })
  email?: string | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "Their first day on the committee (may be ahead); today (in France) when absent.",
  })
  joinedOn?: string | null;
}

@InputType({ description: "The end of someone's membership of a committee." })
export class EndCommitteeMembershipInput {
  @Field(() => ID, { description: "The member." })
  memberId: string;

  @Field(() => LocalDateScalar, {
    description: "Their last day on the committee (included): not before they joined, nor before a meeting they attended.",
  })
  leftOn: string;
}
