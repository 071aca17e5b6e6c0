import { Field, ID, InputType, ObjectType, registerEnumType } from "type-graphql";
import { connectionType } from "@cae/shared";
import type { CustomerKind as CustomerKindValue } from "./customer.entity";

export const CustomerKind = { BUSINESS: "BUSINESS", PRIVATE: "PRIVATE" } as const;
registerEnumType(CustomerKind, {
  name: "CustomerKind",
  description:
    "Whether a customer is a business (professionnel: late penalties and the recovery fee apply) or a private person (particulier).",
});

@ObjectType({ description: "A customer of an activity (client)." })
export class Customer {
  @Field(() => ID, { description: 'Global ID, "<cooperative>:<uuid>".' })
  id: string;

  @Field(() => String, { description: "Name (raison sociale or the person's name)." })
  name: string;

  @Field(() => CustomerKind, { description: "Business or private customer." })
  kind: CustomerKindValue;

  @Field(() => String, { nullable: true, description: "SIRET of a business customer (14 digits)." })
  siret: string | null;

  @Field(() => String, { description: "Billing address." })
  address: string;

  @Field(() => String, { nullable: true, description: "Email address." })
  email: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "SIREN of a French business (9 digits), printed on its invoices: mandatory from the e-invoicing reform (1 September 2026).",
  })
  siren: string | null;

  @Field(() => String, { nullable: true, description: 'Intra-community VAT number of a business of the European Union ("DE136695976").' })
  vatNumber: string | null;

  @Field(() => String, { description: 'Country of the billing address, ISO 3166-1 alpha-2 ("FR", "DE").' })
  country: string;

  @Field(() => Boolean, {
    description:
      "Whether it is a business established in another member state of the European Union: services to it are taxed there, the customer paying the VAT (reverse charge, CGI art. 259-1 and 283-2).",
  })
  euBusiness: boolean;

  /** The activity account it belongs to (local ID): whose it is, for the access policy. */
  accountId: string;
}

export const CustomerConnection = connectionType(Customer, "Customer", "customer");

@InputType({ description: "A new customer of an activity." })
export class CreateCustomerInput {
  @Field(() => ID, { description: "The activity account; the request goes to its cooperative." })
  accountId: string;

  @Field(() => String, { description: "Name." })
  name: string;

  @Field(() => CustomerKind, { description: "Business or private customer." })
  kind: CustomerKindValue;

  @Field(() => String, { nullable: true, description: "SIRET (14 digits, checked by its key); businesses only." })
  siret?: string | null;

  @Field(() => String, { description: "Billing address." })
  address: string;

  @Field(() => String, { nullable: true, description: "Email address." })
  email?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "SIREN (9 digits, checked by its key) of a French business; taken from the SIRET when one is given (they must agree).",
  })
  siren?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Intra-community VAT number of a business of the European Union, checked against its country's format and key.",
  })
  vatNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'Country, ISO 3166-1 alpha-2; "FR" by default.' })
  country?: string | null;
}
