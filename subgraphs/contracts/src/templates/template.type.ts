import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { ContractKind, DateTimeScalar, LocalDateScalar, type ContractKind as ContractKindValue } from "@cae/shared";

@ObjectType({ description: "A placeholder a contract template may use, written {{name}}." })
export class ContractTemplatePlaceholder {
  @Field(() => String, { description: 'Its name, as written between double braces: "person.fullName".' })
  name: string;

  @Field(() => String, { description: "What it prints." })
  description: string;

  @Field(() => Boolean, { description: "Whether every template of the kind must print it (a mention the law requires)." })
  required: boolean;
}

@ObjectType({
  description:
    "One version of the cooperative's wording of a kind of contract: in force from its date until the next version's. A signed contract keeps the version it was signed with.",
})
export class ContractTemplate {
  @Field(() => ID, { description: 'Global ID, "<cooperative>:<uuid>".' })
  id: string;

  @Field(() => ContractKind, { description: "The kind of contract it words." })
  kind: ContractKindValue;

  @Field(() => Int, { description: "1 for the wording shipped with the software, then 2, 3... per kind." })
  version: number;

  @Field(() => LocalDateScalar, { description: "From when new signatures use it." })
  effectiveFrom: string;

  @Field(() => String, {
    description: 'The wording: a line "# Title" opens an article, a blank line separates paragraphs, {{name}} prints a value.',
  })
  body: string;

  @Field(() => DateTimeScalar, { description: "When it was published." })
  createdAt: Date;

  @Field(() => [ContractTemplatePlaceholder], { description: "The placeholders a template of this kind may use, and those it must." })
  placeholders: ContractTemplatePlaceholder[];
}

@InputType({ description: "A new version of the cooperative's wording for a kind of contract." })
export class PublishContractTemplateInput {
  @Field(() => ID, { description: "The cooperative (its slug)." })
  cooperativeId: string;

  @Field(() => ContractKind, { description: "The kind of contract it words." })
  kind: ContractKindValue;

  @Field(() => LocalDateScalar, {
    description: "From when signatures use it: today or later, and after the kind's latest version. Contracts already signed keep theirs.",
  })
  effectiveFrom: string;

  @Field(() => String, {
    description: "The wording. Only known placeholders; every required one (the mentions the law requires) present; at least one article.",
  })
  body: string;
}
