/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends " $fragmentName" | "__typename" ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from "@graphql-typed-document-node/core";
/** The kinds of contract of a person's path, in path order. */
export type ContractKind =
  /** Objective contract (contrat d'objectif): reciprocal commitments to prepare a prospection test. */
  | "OBJECTIVE"
  /** Support agreement (convention d'accompagnement, CAPE, Code de commerce L127-1): the prospection test. */
  | "SUPPORT_AGREEMENT"
  /** Employment contract of an entrepreneur-employee (CESA, Code du travail L7331-1). */
  | "EMPLOYMENT";

/** Where a contract stands in its lifecycle. */
export type ContractStatus =
  /** Being prepared (brouillon); may still be cancelled. */
  | "DRAFT"
  /** Signed, not yet started. */
  | "SIGNED"
  /** In force (en cours). */
  | "RUNNING"
  /** Ended (terminé). */
  | "ENDED"
  /** Cancelled before signature (annulé). */
  | "CANCELLED";

/** Sector of an activity (secteur d'activité), as the network's indicators count them. */
export type Sector =
  /** Services (services aux entreprises et aux particuliers). */
  | "SERVICES"
  /** Crafts (artisanat). */
  | "CRAFTS"
  /** Mobile trade (commerce ambulant). */
  | "MOBILE_TRADE"
  /** Training (formation). */
  | "TRAINING"
  /** Building trades (bâtiment). */
  | "BUILDING"
  /** Agriculture. */
  | "AGRICULTURE"
  /** Other sectors (autre). */
  | "OTHER";

/** An activity account to open for a person. */
export type OpenActivityAccountInput = {
  /** The person whose activity it is; the request goes to this person's cooperative. */
  personId: string | number;
  /** Name of the activity. */
  label: string;
  /** Sector of the activity. */
  sector: Sector;
  /** Date the account opens. */
  openedOn: string;
};

/** A part of the funder report (rapport aux financeurs), which a funding agreement lists among the indicators it owes: SUPPORTED (Personnes accompagnées), SUPPORT_GIVEN (Accompagnement réalisé), ENTRIES (Entrées dans le parcours), IN_CONTRACT (Personnes sous contrat), SUPPORTED_PROFILE (Profil des personnes accompagnées), ORIENTATIONS (Orientations vers un partenaire), FOLLOW_UPS (Suivi après la sortie), RECEIVED_PROFILE (Profil des personnes accueillies). */
export type FunderReportPart =
  /** Personnes accompagnées. */
  | "SUPPORTED"
  /** Accompagnement réalisé. */
  | "SUPPORT_GIVEN"
  /** Entrées dans le parcours. */
  | "ENTRIES"
  /** Personnes sous contrat. */
  | "IN_CONTRACT"
  /** Profil des personnes accompagnées. */
  | "SUPPORTED_PROFILE"
  /** Orientations vers un partenaire. */
  | "ORIENTATIONS"
  /** Suivi après la sortie. */
  | "FOLLOW_UPS"
  /** Profil des personnes accueillies. */
  | "RECEIVED_PROFILE";

/** Why a figure is not given (secret statistique, or a source that does not answer). */
export type SuppressionReason =
  /** Hidden by the disclosure control (secret statistique): either sensitive itself (a count of people from 1 to INDICATORS_MIN_COUNT - 1, an amount of fewer than 3 activities or more than 85 % of which comes from one), or hidden so that no sensitive figure can be recovered or narrowed from the others (secret secondaire), or computed from a hidden figure. Which of these is not said: that would help recover it. */
  | "CONFIDENTIAL"
  /** A count of people below the network's threshold. */
  | "BELOW_MIN_COUNT"
  /** An amount made of fewer than 3 activities. */
  | "FEW_ACTIVITIES"
  /** An amount more than 85 % of which comes from one activity. */
  | "DOMINANT_ACTIVITY"
  /** Hidden to protect another hidden figure. */
  | "SECONDARY"
  /** The subgraph that computes this figure is not part of the network's schema yet, or no protected release of the year can be given (a cooperative missing). */
  | "UNAVAILABLE";

/** Gender as the person declares it (genre), for the network's indicators; UNDISCLOSED when not given. */
export type Gender = "FEMALE" | "MALE" | "OTHER" | "UNDISCLOSED";

/** Where the person stands in the welcome (accueil): before the contracts of the path. */
export type WelcomeStage =
  /** Attended an information meeting (réunion d'information collective), not yet received. */
  | "PROSPECT"
  /** Received individually (accueil individuel); the decision is pending. */
  | "RECEIVED"
  /** Admitted into the cooperative after the reception's pre-analysis. */
  | "ADMITTED"
  /** Referred to a partner (orientation) instead of joining. */
  | "ORIENTED";

/** A person to register at their first contact with the cooperative (a prospect). */
export type RegisterPersonInput = {
  /** First name (prénom). */
  firstName: string;
  /** Last name (nom). */
  lastName: string;
  /** Email address, unique in the cooperative. */
  email?: string | null | undefined;
  /** Phone number. */
  phone?: string | null | undefined;
  /** Declared gender; UNDISCLOSED when not given. */
  gender?: Gender | null | undefined;
  /** Year of birth. */
  birthYear?: number | null | undefined;
  /** Postcode of residence, 5 digits. */
  postcode?: string | null | undefined;
  /** The cooperative that welcomes the person: the request is sent to it. */
  cooperativeId: string | number;
  /** Date of the first contact (the information meeting attended). */
  firstContactOn: string;
};

/** What a committee of the network is for. */
export type CommitteeKind =
  /** A steering committee (comité de pilotage, COPIL): the network and its funders (DREETS, région, France Travail...). */
  | "STEERING"
  /** A technical committee (comité technique, COTECH): the people who carry out the work, per agreement or territory. */
  | "TECHNICAL";

/** What kind of funder or prescriber a partner of the network is. */
export type NetworkPartnerKind =
  /** The State: its labour administration (DREETS, DDETS) or another State service (préfecture). */
  | "STATE"
  /** The public employment service (France Travail, ex-Pôle emploi). */
  | "EMPLOYMENT_SERVICE"
  /** The unemployment insurance (Unédic). */
  | "UNEMPLOYMENT_INSURANCE"
  /** A region (conseil régional). */
  | "REGION"
  /** A département (conseil départemental). */
  | "DEPARTEMENT"
  /** The European Social Fund (FSE+), through its managing authority. */
  | "EUROPEAN_SOCIAL_FUND"
  /** A municipality or an intercommunality (commune, communauté de communes, communauté d'agglomération, métropole). */
  | "LOCAL_AUTHORITY"
  /** A foundation or an endowment fund (fondation, fonds de dotation). */
  | "FOUNDATION"
  /** Another funder or prescriber (autre). */
  | "OTHER";

/** A cooperative joining the network. */
export type RegisterCooperativeInput = {
  /** Its slug: lowercase letters, digits and dashes ("loire-entreprendre"); it cannot change later. */
  cooperativeId: string | number;
  /** Its name. */
  name: string;
  /** Its administrative region. */
  region: string;
  /** INSEE code of the département of its seat. */
  departement?: string | null | undefined;
  /** Where its subgraphs answer. */
  endpoints: CooperativeEndpointsInput;
  /** When it joined; today (in France) when absent. */
  joinedOn?: string | null | undefined;
};

/** Where a cooperative's three subgraphs answer: http(s) URLs of their /graphql. */
export type CooperativeEndpointsInput = {
  /** URL of its members subgraph. */
  members: string;
  /** URL of its contracts subgraph. */
  contracts: string;
  /** URL of its finance subgraph. */
  finance: string;
};

export type PersonSummaryFragment = { id: string; firstName: string; lastName: string; welcomeStage: WelcomeStage };

export type PageInfoFieldsFragment = { hasNextPage: boolean; endCursor: string | null };

export type NetworkCooperativesQueryVariables = Exact<{
  region?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;

export type NetworkCooperativesQuery = {
  cooperatives: {
    totalCount: number;
    edges: Array<{ cursor: string; node: { id: string; name: string; region: string; people: { totalCount: number } | null } }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

export type CooperativePeopleQueryVariables = Exact<{
  cooperativeId: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;

export type CooperativePeopleQuery = {
  cooperative: {
    id: string;
    name: string;
    people: {
      totalCount: number;
      edges: Array<{
        cursor: string;
        node: { id: string; firstName: string; lastName: string; welcomeStage: WelcomeStage; cooperative: { id: string; name: string } };
      }>;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    } | null;
  } | null;
};

export type PersonPathQueryVariables = Exact<{
  id: string | number;
}>;

export type PersonPathQuery = {
  person: {
    firstContactOn: string;
    receivedOn: string | null;
    id: string;
    firstName: string;
    lastName: string;
    welcomeStage: WelcomeStage;
    cooperative: { id: string; name: string };
    contracts: {
      totalCount: number;
      edges: Array<{
        node: {
          id: string;
          kind: ContractKind;
          status: ContractStatus;
          startsOn: string;
          endsOn: string | null;
          monthlyHours: string | null;
          fixedMonthlyPayCents: string | null;
        };
      }>;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    } | null;
    activityAccounts: {
      totalCount: number;
      edges: Array<{ node: { id: string; analyticCode: string; label: string; sector: Sector; openedOn: string } }>;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    } | null;
  } | null;
};

export type RegisterPersonMutationVariables = Exact<{
  input: RegisterPersonInput;
}>;

export type RegisterPersonMutation = {
  registerPerson: { firstContactOn: string; id: string; firstName: string; lastName: string; welcomeStage: WelcomeStage };
};

export type OpenActivityAccountMutationVariables = Exact<{
  input: OpenActivityAccountInput;
}>;

export type OpenActivityAccountMutation = {
  openActivityAccount: { id: string; analyticCode: string; label: string; sector: Sector; openedOn: string; person: { id: string } | null };
};

export type CountFieldsFragment = { value: number | null; suppressed: boolean; reason: SuppressionReason | null };

export type DashboardFiguresFragment = {
  cooperatives: number;
  people: { value: number | null; suppressed: boolean; reason: SuppressionReason | null };
  peopleByStage: Array<{ key: string; value: number | null; suppressed: boolean; reason: SuppressionReason | null }>;
  receptions: { value: number | null; suppressed: boolean; reason: SuppressionReason | null };
  exits: { value: number | null; suppressed: boolean; reason: SuppressionReason | null };
  associates: { value: number | null; suppressed: boolean; reason: SuppressionReason | null };
  womenShare: { value: string | null; suppressed: boolean; reason: SuppressionReason | null };
  contractsSigned: { value: number | null; suppressed: boolean; reason: SuppressionReason | null };
  fullTimeEquivalent: { value: string | null; suppressed: boolean; reason: SuppressionReason | null };
  revenueExcludingVat: { value: string | null; suppressed: boolean; reason: SuppressionReason | null };
  receptionToEmploymentContract: { averageDays: { value: string | null; suppressed: boolean; reason: SuppressionReason | null } };
};

export type DashboardFunderFragment = {
  supported: { value: number | null; suppressed: boolean; reason: SuppressionReason | null };
  supportedBy: Array<{
    dimension: string;
    cells: Array<{ key: string; value: number | null; suppressed: boolean; reason: SuppressionReason | null }>;
  }>;
  entries: Array<{ key: string; value: number | null; suppressed: boolean; reason: SuppressionReason | null }>;
  inContract: Array<{ key: string; value: number | null; suppressed: boolean; reason: SuppressionReason | null }>;
  followUps: Array<{
    months: number;
    due: { value: number | null; suppressed: boolean; reason: SuppressionReason | null };
    bySituation: Array<{ key: string; value: number | null; suppressed: boolean; reason: SuppressionReason | null }>;
  }>;
  support: {
    individualSessions: { value: number | null; suppressed: boolean; reason: SuppressionReason | null };
    workshops: { value: number | null; suppressed: boolean; reason: SuppressionReason | null };
    workshopAttendances: { value: number | null; suppressed: boolean; reason: SuppressionReason | null };
    peopleReached: { value: number | null; suppressed: boolean; reason: SuppressionReason | null };
  };
};

export type FunderReportFilesQueryVariables = Exact<{
  from: string;
  to: string;
  regions?: Array<string> | string | null | undefined;
  cooperativeIds?: Array<string | number> | string | number | null | undefined;
}>;

export type FunderReportFilesQuery = { network: { indicators: { funderReportCsv: string; funderReportPdf: string } } };

export type NetworkIndicatorsQueryVariables = Exact<{
  from: string;
  to: string;
  regions?: Array<string> | string | null | undefined;
  cooperativeIds?: Array<string | number> | string | number | null | undefined;
}>;

export type NetworkIndicatorsQuery = {
  network: {
    indicators: {
      from: string;
      to: string;
      generatedAt: string;
      ageSeconds: number;
      complete: boolean;
      unavailableSources: Array<string>;
      disclosureControl: boolean;
      minCount: number;
      missingCooperatives: Array<{ id: string; name: string; reason: string }>;
      totals: {
        cooperatives: number;
        funder: {
          supported: { value: number | null; suppressed: boolean; reason: SuppressionReason | null };
          supportedBy: Array<{
            dimension: string;
            cells: Array<{ key: string; value: number | null; suppressed: boolean; reason: SuppressionReason | null }>;
          }>;
          entries: Array<{ key: string; value: number | null; suppressed: boolean; reason: SuppressionReason | null }>;
          inContract: Array<{ key: string; value: number | null; suppressed: boolean; reason: SuppressionReason | null }>;
          followUps: Array<{
            months: number;
            due: { value: number | null; suppressed: boolean; reason: SuppressionReason | null };
            bySituation: Array<{ key: string; value: number | null; suppressed: boolean; reason: SuppressionReason | null }>;
          }>;
          support: {
            individualSessions: { value: number | null; suppressed: boolean; reason: SuppressionReason | null };
            workshops: { value: number | null; suppressed: boolean; reason: SuppressionReason | null };
            workshopAttendances: { value: number | null; suppressed: boolean; reason: SuppressionReason | null };
            peopleReached: { value: number | null; suppressed: boolean; reason: SuppressionReason | null };
          };
        };
        people: { value: number | null; suppressed: boolean; reason: SuppressionReason | null };
        peopleByStage: Array<{ key: string; value: number | null; suppressed: boolean; reason: SuppressionReason | null }>;
        receptions: { value: number | null; suppressed: boolean; reason: SuppressionReason | null };
        exits: { value: number | null; suppressed: boolean; reason: SuppressionReason | null };
        associates: { value: number | null; suppressed: boolean; reason: SuppressionReason | null };
        womenShare: { value: string | null; suppressed: boolean; reason: SuppressionReason | null };
        contractsSigned: { value: number | null; suppressed: boolean; reason: SuppressionReason | null };
        fullTimeEquivalent: { value: string | null; suppressed: boolean; reason: SuppressionReason | null };
        revenueExcludingVat: { value: string | null; suppressed: boolean; reason: SuppressionReason | null };
        receptionToEmploymentContract: { averageDays: { value: string | null; suppressed: boolean; reason: SuppressionReason | null } };
      };
      byCooperative: Array<{
        id: string;
        name: string;
        region: string;
        indicators: {
          cooperatives: number;
          people: { value: number | null; suppressed: boolean; reason: SuppressionReason | null };
          peopleByStage: Array<{ key: string; value: number | null; suppressed: boolean; reason: SuppressionReason | null }>;
          receptions: { value: number | null; suppressed: boolean; reason: SuppressionReason | null };
          exits: { value: number | null; suppressed: boolean; reason: SuppressionReason | null };
          associates: { value: number | null; suppressed: boolean; reason: SuppressionReason | null };
          womenShare: { value: string | null; suppressed: boolean; reason: SuppressionReason | null };
          contractsSigned: { value: number | null; suppressed: boolean; reason: SuppressionReason | null };
          fullTimeEquivalent: { value: string | null; suppressed: boolean; reason: SuppressionReason | null };
          revenueExcludingVat: { value: string | null; suppressed: boolean; reason: SuppressionReason | null };
          receptionToEmploymentContract: { averageDays: { value: string | null; suppressed: boolean; reason: SuppressionReason | null } };
        };
      }>;
      byRegion: Array<{
        region: string;
        cooperativeIds: Array<string>;
        indicators: {
          cooperatives: number;
          people: { value: number | null; suppressed: boolean; reason: SuppressionReason | null };
          peopleByStage: Array<{ key: string; value: number | null; suppressed: boolean; reason: SuppressionReason | null }>;
          receptions: { value: number | null; suppressed: boolean; reason: SuppressionReason | null };
          exits: { value: number | null; suppressed: boolean; reason: SuppressionReason | null };
          associates: { value: number | null; suppressed: boolean; reason: SuppressionReason | null };
          womenShare: { value: string | null; suppressed: boolean; reason: SuppressionReason | null };
          contractsSigned: { value: number | null; suppressed: boolean; reason: SuppressionReason | null };
          fullTimeEquivalent: { value: string | null; suppressed: boolean; reason: SuppressionReason | null };
          revenueExcludingVat: { value: string | null; suppressed: boolean; reason: SuppressionReason | null };
          receptionToEmploymentContract: { averageDays: { value: string | null; suppressed: boolean; reason: SuppressionReason | null } };
        };
      }>;
      monthly: Array<{
        month: string;
        receptions: { value: number | null; suppressed: boolean; reason: SuppressionReason | null };
        exits: { value: number | null; suppressed: boolean; reason: SuppressionReason | null };
        contractsSigned: { value: number | null; suppressed: boolean; reason: SuppressionReason | null };
      }>;
    };
  };
};

export type NetworkRegistryQueryVariables = Exact<{
  includeWithdrawn?: boolean | null | undefined;
}>;

export type NetworkRegistryQuery = {
  registry: Array<{
    cooperativeId: string;
    name: string;
    region: string;
    departement: string | null;
    joinedOn: string;
    withdrawnOn: string | null;
    endpoints: { members: string; contracts: string; finance: string };
  }>;
};

export type RegisterCooperativeMutationVariables = Exact<{
  input: RegisterCooperativeInput;
}>;

export type RegisterCooperativeMutation = { registerCooperative: { cooperativeId: string; name: string; joinedOn: string } };

export type CommitteePreparationQueryVariables = Exact<{
  id: string | number;
  from: string;
  to: string;
}>;

export type CommitteePreparationQuery = {
  committee: {
    name: string;
    kind: CommitteeKind;
    members: Array<{ fullName: string; organisation: string; role: string }>;
    nextMeeting: {
      id: string;
      scheduledOn: string;
      place: string;
      agenda: Array<string>;
      periodFrom: string | null;
      periodTo: string | null;
    } | null;
    openDecisions: Array<{ text: string; owner: string; dueOn: string | null }>;
    fundingAgreement: {
      title: string;
      reference: string;
      indicatorsOwed: Array<FunderReportPart>;
      cooperativeIds: Array<string>;
      reportPdf: string;
      partner: { name: string; kind: NetworkPartnerKind };
    } | null;
  } | null;
};

export const PersonSummaryFragmentDoc = {
  kind: "Document",
  definitions: [
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "PersonSummary" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Person" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "firstName" } },
          { kind: "Field", name: { kind: "Name", value: "lastName" } },
          { kind: "Field", name: { kind: "Name", value: "welcomeStage" } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<PersonSummaryFragment, unknown>;
export const PageInfoFieldsFragmentDoc = {
  kind: "Document",
  definitions: [
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "PageInfoFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "PageInfo" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "hasNextPage" } },
          { kind: "Field", name: { kind: "Name", value: "endCursor" } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<PageInfoFieldsFragment, unknown>;
export const CountFieldsFragmentDoc = {
  kind: "Document",
  definitions: [
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "CountFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "CountCell" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "value" } },
          { kind: "Field", name: { kind: "Name", value: "suppressed" } },
          { kind: "Field", name: { kind: "Name", value: "reason" } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CountFieldsFragment, unknown>;
export const DashboardFiguresFragmentDoc = {
  kind: "Document",
  definitions: [
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "DashboardFigures" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "IndicatorSet" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "cooperatives" } },
          {
            kind: "Field",
            name: { kind: "Name", value: "people" },
            selectionSet: { kind: "SelectionSet", selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "CountFields" } }] },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "peopleByStage" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "key" } },
                { kind: "Field", name: { kind: "Name", value: "value" } },
                { kind: "Field", name: { kind: "Name", value: "suppressed" } },
                { kind: "Field", name: { kind: "Name", value: "reason" } },
              ],
            },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "receptions" },
            selectionSet: { kind: "SelectionSet", selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "CountFields" } }] },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "exits" },
            selectionSet: { kind: "SelectionSet", selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "CountFields" } }] },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "associates" },
            selectionSet: { kind: "SelectionSet", selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "CountFields" } }] },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "womenShare" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "value" } },
                { kind: "Field", name: { kind: "Name", value: "suppressed" } },
                { kind: "Field", name: { kind: "Name", value: "reason" } },
              ],
            },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "contractsSigned" },
            selectionSet: { kind: "SelectionSet", selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "CountFields" } }] },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "fullTimeEquivalent" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "value" } },
                { kind: "Field", name: { kind: "Name", value: "suppressed" } },
                { kind: "Field", name: { kind: "Name", value: "reason" } },
              ],
            },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "revenueExcludingVat" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "value" } },
                { kind: "Field", name: { kind: "Name", value: "suppressed" } },
                { kind: "Field", name: { kind: "Name", value: "reason" } },
              ],
            },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "receptionToEmploymentContract" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                {
                  kind: "Field",
                  name: { kind: "Name", value: "averageDays" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "value" } },
                      { kind: "Field", name: { kind: "Name", value: "suppressed" } },
                      { kind: "Field", name: { kind: "Name", value: "reason" } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "CountFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "CountCell" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "value" } },
          { kind: "Field", name: { kind: "Name", value: "suppressed" } },
          { kind: "Field", name: { kind: "Name", value: "reason" } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<DashboardFiguresFragment, unknown>;
export const DashboardFunderFragmentDoc = {
  kind: "Document",
  definitions: [
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "DashboardFunder" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "FunderIndicators" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "supported" },
            selectionSet: { kind: "SelectionSet", selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "CountFields" } }] },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "supportedBy" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "dimension" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "cells" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "key" } },
                      { kind: "Field", name: { kind: "Name", value: "value" } },
                      { kind: "Field", name: { kind: "Name", value: "suppressed" } },
                      { kind: "Field", name: { kind: "Name", value: "reason" } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "entries" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "key" } },
                { kind: "Field", name: { kind: "Name", value: "value" } },
                { kind: "Field", name: { kind: "Name", value: "suppressed" } },
                { kind: "Field", name: { kind: "Name", value: "reason" } },
              ],
            },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "inContract" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "key" } },
                { kind: "Field", name: { kind: "Name", value: "value" } },
                { kind: "Field", name: { kind: "Name", value: "suppressed" } },
                { kind: "Field", name: { kind: "Name", value: "reason" } },
              ],
            },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "followUps" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "months" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "due" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "CountFields" } }],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "bySituation" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "key" } },
                      { kind: "Field", name: { kind: "Name", value: "value" } },
                      { kind: "Field", name: { kind: "Name", value: "suppressed" } },
                      { kind: "Field", name: { kind: "Name", value: "reason" } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "support" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                {
                  kind: "Field",
                  name: { kind: "Name", value: "individualSessions" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "CountFields" } }],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "workshops" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "CountFields" } }],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "workshopAttendances" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "CountFields" } }],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "peopleReached" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "CountFields" } }],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "CountFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "CountCell" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "value" } },
          { kind: "Field", name: { kind: "Name", value: "suppressed" } },
          { kind: "Field", name: { kind: "Name", value: "reason" } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<DashboardFunderFragment, unknown>;
export const NetworkCooperativesDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "query",
      name: { kind: "Name", value: "NetworkCooperatives" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "region" } },
          type: { kind: "NamedType", name: { kind: "Name", value: "String" } },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "first" } },
          type: { kind: "NamedType", name: { kind: "Name", value: "Int" } },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "after" } },
          type: { kind: "NamedType", name: { kind: "Name", value: "String" } },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "cooperatives" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "region" },
                value: { kind: "Variable", name: { kind: "Name", value: "region" } },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "first" },
                value: { kind: "Variable", name: { kind: "Name", value: "first" } },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "after" },
                value: { kind: "Variable", name: { kind: "Name", value: "after" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "totalCount" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "edges" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "cursor" } },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "node" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [
                            { kind: "Field", name: { kind: "Name", value: "id" } },
                            { kind: "Field", name: { kind: "Name", value: "name" } },
                            { kind: "Field", name: { kind: "Name", value: "region" } },
                            {
                              kind: "Field",
                              name: { kind: "Name", value: "people" },
                              selectionSet: {
                                kind: "SelectionSet",
                                selections: [{ kind: "Field", name: { kind: "Name", value: "totalCount" } }],
                              },
                            },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "pageInfo" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "PageInfoFields" } }],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "PageInfoFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "PageInfo" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "hasNextPage" } },
          { kind: "Field", name: { kind: "Name", value: "endCursor" } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<NetworkCooperativesQuery, NetworkCooperativesQueryVariables>;
export const CooperativePeopleDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "query",
      name: { kind: "Name", value: "CooperativePeople" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "cooperativeId" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "ID" } } },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "first" } },
          type: { kind: "NamedType", name: { kind: "Name", value: "Int" } },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "after" } },
          type: { kind: "NamedType", name: { kind: "Name", value: "String" } },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "cooperative" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "id" },
                value: { kind: "Variable", name: { kind: "Name", value: "cooperativeId" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "name" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "people" },
                  arguments: [
                    {
                      kind: "Argument",
                      name: { kind: "Name", value: "first" },
                      value: { kind: "Variable", name: { kind: "Name", value: "first" } },
                    },
                    {
                      kind: "Argument",
                      name: { kind: "Name", value: "after" },
                      value: { kind: "Variable", name: { kind: "Name", value: "after" } },
                    },
                  ],
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "totalCount" } },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "edges" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [
                            { kind: "Field", name: { kind: "Name", value: "cursor" } },
                            {
                              kind: "Field",
                              name: { kind: "Name", value: "node" },
                              selectionSet: {
                                kind: "SelectionSet",
                                selections: [
                                  { kind: "FragmentSpread", name: { kind: "Name", value: "PersonSummary" } },
                                  {
                                    kind: "Field",
                                    name: { kind: "Name", value: "cooperative" },
                                    selectionSet: {
                                      kind: "SelectionSet",
                                      selections: [
                                        { kind: "Field", name: { kind: "Name", value: "id" } },
                                        { kind: "Field", name: { kind: "Name", value: "name" } },
                                      ],
                                    },
                                  },
                                ],
                              },
                            },
                          ],
                        },
                      },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "pageInfo" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "PageInfoFields" } }],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "PersonSummary" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Person" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "firstName" } },
          { kind: "Field", name: { kind: "Name", value: "lastName" } },
          { kind: "Field", name: { kind: "Name", value: "welcomeStage" } },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "PageInfoFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "PageInfo" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "hasNextPage" } },
          { kind: "Field", name: { kind: "Name", value: "endCursor" } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CooperativePeopleQuery, CooperativePeopleQueryVariables>;
export const PersonPathDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "query",
      name: { kind: "Name", value: "PersonPath" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "id" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "ID" } } },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "person" },
            arguments: [
              { kind: "Argument", name: { kind: "Name", value: "id" }, value: { kind: "Variable", name: { kind: "Name", value: "id" } } },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "FragmentSpread", name: { kind: "Name", value: "PersonSummary" } },
                { kind: "Field", name: { kind: "Name", value: "firstContactOn" } },
                { kind: "Field", name: { kind: "Name", value: "receivedOn" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "cooperative" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "id" } },
                      { kind: "Field", name: { kind: "Name", value: "name" } },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "contracts" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "totalCount" } },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "edges" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [
                            {
                              kind: "Field",
                              name: { kind: "Name", value: "node" },
                              selectionSet: {
                                kind: "SelectionSet",
                                selections: [
                                  { kind: "Field", name: { kind: "Name", value: "id" } },
                                  { kind: "Field", name: { kind: "Name", value: "kind" } },
                                  { kind: "Field", name: { kind: "Name", value: "status" } },
                                  { kind: "Field", name: { kind: "Name", value: "startsOn" } },
                                  { kind: "Field", name: { kind: "Name", value: "endsOn" } },
                                  { kind: "Field", name: { kind: "Name", value: "monthlyHours" } },
                                  { kind: "Field", name: { kind: "Name", value: "fixedMonthlyPayCents" } },
                                ],
                              },
                            },
                          ],
                        },
                      },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "pageInfo" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "PageInfoFields" } }],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "activityAccounts" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "totalCount" } },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "edges" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [
                            {
                              kind: "Field",
                              name: { kind: "Name", value: "node" },
                              selectionSet: {
                                kind: "SelectionSet",
                                selections: [
                                  { kind: "Field", name: { kind: "Name", value: "id" } },
                                  { kind: "Field", name: { kind: "Name", value: "analyticCode" } },
                                  { kind: "Field", name: { kind: "Name", value: "label" } },
                                  { kind: "Field", name: { kind: "Name", value: "sector" } },
                                  { kind: "Field", name: { kind: "Name", value: "openedOn" } },
                                ],
                              },
                            },
                          ],
                        },
                      },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "pageInfo" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "PageInfoFields" } }],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "PersonSummary" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Person" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "firstName" } },
          { kind: "Field", name: { kind: "Name", value: "lastName" } },
          { kind: "Field", name: { kind: "Name", value: "welcomeStage" } },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "PageInfoFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "PageInfo" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "hasNextPage" } },
          { kind: "Field", name: { kind: "Name", value: "endCursor" } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<PersonPathQuery, PersonPathQueryVariables>;
export const RegisterPersonDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "RegisterPerson" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "input" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "RegisterPersonInput" } } },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "registerPerson" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "input" },
                value: { kind: "Variable", name: { kind: "Name", value: "input" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "FragmentSpread", name: { kind: "Name", value: "PersonSummary" } },
                { kind: "Field", name: { kind: "Name", value: "firstContactOn" } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "PersonSummary" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Person" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "firstName" } },
          { kind: "Field", name: { kind: "Name", value: "lastName" } },
          { kind: "Field", name: { kind: "Name", value: "welcomeStage" } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RegisterPersonMutation, RegisterPersonMutationVariables>;
export const OpenActivityAccountDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "OpenActivityAccount" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "input" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "OpenActivityAccountInput" } } },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "openActivityAccount" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "input" },
                value: { kind: "Variable", name: { kind: "Name", value: "input" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "analyticCode" } },
                { kind: "Field", name: { kind: "Name", value: "label" } },
                { kind: "Field", name: { kind: "Name", value: "sector" } },
                { kind: "Field", name: { kind: "Name", value: "openedOn" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "person" },
                  selectionSet: { kind: "SelectionSet", selections: [{ kind: "Field", name: { kind: "Name", value: "id" } }] },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<OpenActivityAccountMutation, OpenActivityAccountMutationVariables>;
export const FunderReportFilesDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "query",
      name: { kind: "Name", value: "FunderReportFiles" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "from" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "Date" } } },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "to" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "Date" } } },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "regions" } },
          type: { kind: "ListType", type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "String" } } } },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "cooperativeIds" } },
          type: { kind: "ListType", type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "ID" } } } },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "network" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                {
                  kind: "Field",
                  name: { kind: "Name", value: "indicators" },
                  arguments: [
                    {
                      kind: "Argument",
                      name: { kind: "Name", value: "from" },
                      value: { kind: "Variable", name: { kind: "Name", value: "from" } },
                    },
                    {
                      kind: "Argument",
                      name: { kind: "Name", value: "to" },
                      value: { kind: "Variable", name: { kind: "Name", value: "to" } },
                    },
                    {
                      kind: "Argument",
                      name: { kind: "Name", value: "regions" },
                      value: { kind: "Variable", name: { kind: "Name", value: "regions" } },
                    },
                    {
                      kind: "Argument",
                      name: { kind: "Name", value: "cooperativeIds" },
                      value: { kind: "Variable", name: { kind: "Name", value: "cooperativeIds" } },
                    },
                  ],
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "funderReportCsv" } },
                      { kind: "Field", name: { kind: "Name", value: "funderReportPdf" } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<FunderReportFilesQuery, FunderReportFilesQueryVariables>;
export const NetworkIndicatorsDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "query",
      name: { kind: "Name", value: "NetworkIndicators" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "from" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "Date" } } },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "to" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "Date" } } },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "regions" } },
          type: { kind: "ListType", type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "String" } } } },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "cooperativeIds" } },
          type: { kind: "ListType", type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "ID" } } } },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "network" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                {
                  kind: "Field",
                  name: { kind: "Name", value: "indicators" },
                  arguments: [
                    {
                      kind: "Argument",
                      name: { kind: "Name", value: "from" },
                      value: { kind: "Variable", name: { kind: "Name", value: "from" } },
                    },
                    {
                      kind: "Argument",
                      name: { kind: "Name", value: "to" },
                      value: { kind: "Variable", name: { kind: "Name", value: "to" } },
                    },
                    {
                      kind: "Argument",
                      name: { kind: "Name", value: "regions" },
                      value: { kind: "Variable", name: { kind: "Name", value: "regions" } },
                    },
                    {
                      kind: "Argument",
                      name: { kind: "Name", value: "cooperativeIds" },
                      value: { kind: "Variable", name: { kind: "Name", value: "cooperativeIds" } },
                    },
                  ],
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "from" } },
                      { kind: "Field", name: { kind: "Name", value: "to" } },
                      { kind: "Field", name: { kind: "Name", value: "generatedAt" } },
                      { kind: "Field", name: { kind: "Name", value: "ageSeconds" } },
                      { kind: "Field", name: { kind: "Name", value: "complete" } },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "missingCooperatives" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [
                            { kind: "Field", name: { kind: "Name", value: "id" } },
                            { kind: "Field", name: { kind: "Name", value: "name" } },
                            { kind: "Field", name: { kind: "Name", value: "reason" } },
                          ],
                        },
                      },
                      { kind: "Field", name: { kind: "Name", value: "unavailableSources" } },
                      { kind: "Field", name: { kind: "Name", value: "disclosureControl" } },
                      { kind: "Field", name: { kind: "Name", value: "minCount" } },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "totals" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [
                            { kind: "FragmentSpread", name: { kind: "Name", value: "DashboardFigures" } },
                            {
                              kind: "Field",
                              name: { kind: "Name", value: "funder" },
                              selectionSet: {
                                kind: "SelectionSet",
                                selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "DashboardFunder" } }],
                              },
                            },
                          ],
                        },
                      },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "byCooperative" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [
                            { kind: "Field", name: { kind: "Name", value: "id" } },
                            { kind: "Field", name: { kind: "Name", value: "name" } },
                            { kind: "Field", name: { kind: "Name", value: "region" } },
                            {
                              kind: "Field",
                              name: { kind: "Name", value: "indicators" },
                              selectionSet: {
                                kind: "SelectionSet",
                                selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "DashboardFigures" } }],
                              },
                            },
                          ],
                        },
                      },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "byRegion" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [
                            { kind: "Field", name: { kind: "Name", value: "region" } },
                            { kind: "Field", name: { kind: "Name", value: "cooperativeIds" } },
                            {
                              kind: "Field",
                              name: { kind: "Name", value: "indicators" },
                              selectionSet: {
                                kind: "SelectionSet",
                                selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "DashboardFigures" } }],
                              },
                            },
                          ],
                        },
                      },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "monthly" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [
                            { kind: "Field", name: { kind: "Name", value: "month" } },
                            {
                              kind: "Field",
                              name: { kind: "Name", value: "receptions" },
                              selectionSet: {
                                kind: "SelectionSet",
                                selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "CountFields" } }],
                              },
                            },
                            {
                              kind: "Field",
                              name: { kind: "Name", value: "exits" },
                              selectionSet: {
                                kind: "SelectionSet",
                                selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "CountFields" } }],
                              },
                            },
                            {
                              kind: "Field",
                              name: { kind: "Name", value: "contractsSigned" },
                              selectionSet: {
                                kind: "SelectionSet",
                                selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "CountFields" } }],
                              },
                            },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "CountFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "CountCell" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "value" } },
          { kind: "Field", name: { kind: "Name", value: "suppressed" } },
          { kind: "Field", name: { kind: "Name", value: "reason" } },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "DashboardFigures" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "IndicatorSet" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "cooperatives" } },
          {
            kind: "Field",
            name: { kind: "Name", value: "people" },
            selectionSet: { kind: "SelectionSet", selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "CountFields" } }] },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "peopleByStage" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "key" } },
                { kind: "Field", name: { kind: "Name", value: "value" } },
                { kind: "Field", name: { kind: "Name", value: "suppressed" } },
                { kind: "Field", name: { kind: "Name", value: "reason" } },
              ],
            },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "receptions" },
            selectionSet: { kind: "SelectionSet", selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "CountFields" } }] },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "exits" },
            selectionSet: { kind: "SelectionSet", selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "CountFields" } }] },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "associates" },
            selectionSet: { kind: "SelectionSet", selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "CountFields" } }] },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "womenShare" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "value" } },
                { kind: "Field", name: { kind: "Name", value: "suppressed" } },
                { kind: "Field", name: { kind: "Name", value: "reason" } },
              ],
            },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "contractsSigned" },
            selectionSet: { kind: "SelectionSet", selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "CountFields" } }] },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "fullTimeEquivalent" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "value" } },
                { kind: "Field", name: { kind: "Name", value: "suppressed" } },
                { kind: "Field", name: { kind: "Name", value: "reason" } },
              ],
            },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "revenueExcludingVat" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "value" } },
                { kind: "Field", name: { kind: "Name", value: "suppressed" } },
                { kind: "Field", name: { kind: "Name", value: "reason" } },
              ],
            },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "receptionToEmploymentContract" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                {
                  kind: "Field",
                  name: { kind: "Name", value: "averageDays" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "value" } },
                      { kind: "Field", name: { kind: "Name", value: "suppressed" } },
                      { kind: "Field", name: { kind: "Name", value: "reason" } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "DashboardFunder" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "FunderIndicators" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "supported" },
            selectionSet: { kind: "SelectionSet", selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "CountFields" } }] },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "supportedBy" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "dimension" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "cells" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "key" } },
                      { kind: "Field", name: { kind: "Name", value: "value" } },
                      { kind: "Field", name: { kind: "Name", value: "suppressed" } },
                      { kind: "Field", name: { kind: "Name", value: "reason" } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "entries" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "key" } },
                { kind: "Field", name: { kind: "Name", value: "value" } },
                { kind: "Field", name: { kind: "Name", value: "suppressed" } },
                { kind: "Field", name: { kind: "Name", value: "reason" } },
              ],
            },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "inContract" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "key" } },
                { kind: "Field", name: { kind: "Name", value: "value" } },
                { kind: "Field", name: { kind: "Name", value: "suppressed" } },
                { kind: "Field", name: { kind: "Name", value: "reason" } },
              ],
            },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "followUps" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "months" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "due" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "CountFields" } }],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "bySituation" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "key" } },
                      { kind: "Field", name: { kind: "Name", value: "value" } },
                      { kind: "Field", name: { kind: "Name", value: "suppressed" } },
                      { kind: "Field", name: { kind: "Name", value: "reason" } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "support" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                {
                  kind: "Field",
                  name: { kind: "Name", value: "individualSessions" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "CountFields" } }],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "workshops" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "CountFields" } }],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "workshopAttendances" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "CountFields" } }],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "peopleReached" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [{ kind: "FragmentSpread", name: { kind: "Name", value: "CountFields" } }],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<NetworkIndicatorsQuery, NetworkIndicatorsQueryVariables>;
export const NetworkRegistryDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "query",
      name: { kind: "Name", value: "NetworkRegistry" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "includeWithdrawn" } },
          type: { kind: "NamedType", name: { kind: "Name", value: "Boolean" } },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "registry" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "includeWithdrawn" },
                value: { kind: "Variable", name: { kind: "Name", value: "includeWithdrawn" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "cooperativeId" } },
                { kind: "Field", name: { kind: "Name", value: "name" } },
                { kind: "Field", name: { kind: "Name", value: "region" } },
                { kind: "Field", name: { kind: "Name", value: "departement" } },
                { kind: "Field", name: { kind: "Name", value: "joinedOn" } },
                { kind: "Field", name: { kind: "Name", value: "withdrawnOn" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "endpoints" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "members" } },
                      { kind: "Field", name: { kind: "Name", value: "contracts" } },
                      { kind: "Field", name: { kind: "Name", value: "finance" } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<NetworkRegistryQuery, NetworkRegistryQueryVariables>;
export const RegisterCooperativeDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "RegisterCooperative" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "input" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "RegisterCooperativeInput" } } },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "registerCooperative" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "input" },
                value: { kind: "Variable", name: { kind: "Name", value: "input" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "cooperativeId" } },
                { kind: "Field", name: { kind: "Name", value: "name" } },
                { kind: "Field", name: { kind: "Name", value: "joinedOn" } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RegisterCooperativeMutation, RegisterCooperativeMutationVariables>;
export const CommitteePreparationDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "query",
      name: { kind: "Name", value: "CommitteePreparation" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "id" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "ID" } } },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "from" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "Date" } } },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "to" } },
          type: { kind: "NonNullType", type: { kind: "NamedType", name: { kind: "Name", value: "Date" } } },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "committee" },
            arguments: [
              { kind: "Argument", name: { kind: "Name", value: "id" }, value: { kind: "Variable", name: { kind: "Name", value: "id" } } },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "name" } },
                { kind: "Field", name: { kind: "Name", value: "kind" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "members" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "fullName" } },
                      { kind: "Field", name: { kind: "Name", value: "organisation" } },
                      { kind: "Field", name: { kind: "Name", value: "role" } },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "nextMeeting" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "id" } },
                      { kind: "Field", name: { kind: "Name", value: "scheduledOn" } },
                      { kind: "Field", name: { kind: "Name", value: "place" } },
                      { kind: "Field", name: { kind: "Name", value: "agenda" } },
                      { kind: "Field", name: { kind: "Name", value: "periodFrom" } },
                      { kind: "Field", name: { kind: "Name", value: "periodTo" } },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "openDecisions" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "text" } },
                      { kind: "Field", name: { kind: "Name", value: "owner" } },
                      { kind: "Field", name: { kind: "Name", value: "dueOn" } },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "fundingAgreement" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "title" } },
                      { kind: "Field", name: { kind: "Name", value: "reference" } },
                      { kind: "Field", name: { kind: "Name", value: "indicatorsOwed" } },
                      { kind: "Field", name: { kind: "Name", value: "cooperativeIds" } },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "partner" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [
                            { kind: "Field", name: { kind: "Name", value: "name" } },
                            { kind: "Field", name: { kind: "Name", value: "kind" } },
                          ],
                        },
                      },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "reportPdf" },
                        arguments: [
                          {
                            kind: "Argument",
                            name: { kind: "Name", value: "from" },
                            value: { kind: "Variable", name: { kind: "Name", value: "from" } },
                          },
                          {
                            kind: "Argument",
                            name: { kind: "Name", value: "to" },
                            value: { kind: "Variable", name: { kind: "Name", value: "to" } },
                          },
                        ],
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CommitteePreparationQuery, CommitteePreparationQueryVariables>;
