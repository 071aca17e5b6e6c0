import { Field, ID, InputType, ObjectType, registerEnumType } from "type-graphql";
import { connectionType, DateTimeScalar } from "@cae/shared";

export const NetworkPartnerKind = {
  STATE: "STATE",
  EMPLOYMENT_SERVICE: "EMPLOYMENT_SERVICE",
  UNEMPLOYMENT_INSURANCE: "UNEMPLOYMENT_INSURANCE",
  REGION: "REGION",
  DEPARTEMENT: "DEPARTEMENT",
  EUROPEAN_SOCIAL_FUND: "EUROPEAN_SOCIAL_FUND",
  LOCAL_AUTHORITY: "LOCAL_AUTHORITY",
  FOUNDATION: "FOUNDATION",
  OTHER: "OTHER",
} as const;
export type NetworkPartnerKind = (typeof NetworkPartnerKind)[keyof typeof NetworkPartnerKind];
export const NETWORK_PARTNER_KINDS = Object.values(NetworkPartnerKind);

registerEnumType(NetworkPartnerKind, {
  name: "NetworkPartnerKind",
  description: "What kind of funder or prescriber a partner of the network is.",
  valuesConfig: {
    STATE: { description: "The State: its labour administration (DREETS, DDETS) or another State service (préfecture)." },
    EMPLOYMENT_SERVICE: { description: "The public employment service (France Travail, ex-Pôle emploi)." },
    UNEMPLOYMENT_INSURANCE: { description: "The unemployment insurance (Unédic)." },
    REGION: { description: "A region (conseil régional)." },
    DEPARTEMENT: { description: "A département (conseil départemental)." },
    EUROPEAN_SOCIAL_FUND: { description: "The European Social Fund (FSE+), through its managing authority." },
    LOCAL_AUTHORITY: {
      description: "A municipality or an intercommunality (commune, communauté de communes, communauté d'agglomération, métropole).",
    },
    FOUNDATION: { description: "A foundation or an endowment fund (fondation, fonds de dotation)." },
    OTHER: { description: "Another funder or prescriber (autre)." },
  },
});

/*
 * Named NetworkPartner, not Partner: the members subgraph's `Partner` is a cooperative's own
 * directory of partners, a different type the supergraph already has.
 */
@ObjectType({
  description:
    "A partner of the network (partenaire du réseau): a funder or prescriber that signs funding agreements with the network. " +
    "Changed by the network's admins only, each change audited.",
})
export class NetworkPartner {
  @Field(() => ID, { description: 'Global ID, "network:<uuid>".' })
  id: string;

  @Field(() => String, {
    description: 'Name of the organisation ("DREETS Bretagne"); no two partners have the same name, whatever its case.',
  })
  name: string;

  @Field(() => NetworkPartnerKind, { description: "What kind of funder or prescriber it is." })
  kind: NetworkPartnerKind;

  @Field(() => String, { nullable: true, description: "Its SIRET number (14 digits); null when not known." })
  siret: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The email address to write to about its agreements (network roles only: it may name a person); null when not known.",
  })
  contactEmail: string | null;

  @Field(() => DateTimeScalar, { description: "When it was added to the network's partners." })
  createdAt: Date;
}

export const NetworkPartnerConnection = connectionType(NetworkPartner, "NetworkPartner", "partner of the network");

@InputType({ description: "A funder or prescriber to add to the network's partners." })
export class CreateNetworkPartnerInput {
  @Field(() => String, { description: "Name of the organisation; no other partner may have it, whatever its case." })
  name: string;

  @Field(() => NetworkPartnerKind, { description: "What kind of funder or prescriber it is." })
  kind: NetworkPartnerKind;

  @Field(() => String, { nullable: true, description: "Its SIRET number: 14 digits (spaces allowed), checked with its key." })
  siret?: string | null;

  @Field(() => String, { nullable: true, description: "The email address to write to about its agreements." })
  contactEmail?: string | null;
}

@InputType({
  description: "A correction of a partner of the network: only the fields given change; null or an empty text clears SIRET and email.",
})
export class UpdateNetworkPartnerInput {
  @Field(() => ID, { description: 'The partner ("network:<uuid>").' })
  partnerId: string;

  @Field(() => String, { nullable: true, description: "Its new name." })
  name?: string | null;

  @Field(() => NetworkPartnerKind, { nullable: true, description: "Its new kind." })
  kind?: NetworkPartnerKind | null;

  @Field(() => String, { nullable: true, description: "Its SIRET number; null or empty to clear it." })
  siret?: string | null;

  @Field(() => String, { nullable: true, description: "Its contact email; null or empty to clear it." })
  contactEmail?: string | null;
}
