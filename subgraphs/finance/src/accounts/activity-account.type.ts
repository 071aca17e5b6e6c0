import { Directive, Field, ID, InputType, ObjectType } from "type-graphql";
import { connectionType, DecimalScalar, LocalDateScalar, Sector, type Sector as SectorValue } from "@cae/shared";

@ObjectType({ description: "A cooperative of the network, as its finance service sees it." })
@Directive('@key(fields: "id")')
export class Cooperative {
  @Field(() => ID, { description: "The cooperative's slug." })
  id: string;
}

@ObjectType({ description: "A person, as the finance service sees it." })
@Directive('@key(fields: "id")')
export class Person {
  @Field(() => ID, { description: 'Global ID, "<cooperative>:<uuid>".' })
  id: string;
}

@ObjectType({
  description: "The analytic account of one activity (compte d'activité): its revenue, charges and contribution are kept apart.",
})
@Directive('@key(fields: "id")')
export class ActivityAccount {
  @Field(() => ID, { description: 'Global ID, "<cooperative>:<uuid>".' })
  id: string;

  @Field(() => String, { description: 'Analytic code (code analytique), unique in the cooperative ("ACT-0042").' })
  analyticCode: string;

  // Often the entrepreneur's own name ("Ébénisterie Martin").
  @Field(() => String, { description: "Name of the activity (libellé)." })
  label: string;

  @Field(() => Sector, { description: "Sector of the activity." })
  sector: SectorValue;

  @Field(() => LocalDateScalar, { description: "Date the account was opened (date d'ouverture)." })
  openedOn: string;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "Date the account was closed (date de clôture); null while it is open. A closed account takes nothing new.",
  })
  closedOn: string | null;

  @Field(() => Person, {
    // Nullable: a person the members subgraph cannot give is null here, with an error naming them, and the list keeps its items.
    nullable: true,
    description: "The entrepreneur whose activity this is; null, with an error naming them, when the members subgraph cannot give them.",
  })
  person: Person;
}

export const ActivityAccountConnection = connectionType(ActivityAccount, "ActivityAccount", "activity account");

@InputType({ description: "An activity account to open for a person." })
export class OpenActivityAccountInput {
  @Field(() => ID, { description: "The person whose activity it is; the request goes to this person's cooperative." })
  personId: string;

  @Field(() => String, { description: "Name of the activity." })
  label: string;

  @Field(() => Sector, { description: "Sector of the activity." })
  sector: SectorValue;

  @Field(() => LocalDateScalar, { description: "Date the account opens." })
  openedOn: string;
}

@InputType({ description: "An activity's own contribution rate, overriding the cooperative's brackets for the months not yet recorded." })
export class SetAccountContributionRateInput {
  @Field(() => ID, { description: "The activity account." })
  id: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'Rate in percent ("8.5"); null to follow the cooperative\'s brackets again.' })
  rate?: string | null;
}

@InputType({
  description:
    "An activity account to close, once its books are settled: no draft invoice, no pending quote, every issued invoice paid or credited in full.",
})
export class CloseActivityAccountInput {
  @Field(() => ID, { description: "The activity account; the request goes to its cooperative." })
  id: string;

  @Field(() => LocalDateScalar, {
    description: "Date the account closes: not in the future, not before it opened nor before its last document, payment or expense.",
  })
  closedOn: string;

  @Field(() => String, {
    description: "Why it closes (the entrepreneur left, the activity stopped...), kept in the audit trail; 500 characters at most.",
  })
  reason: string;
}
