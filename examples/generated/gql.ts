/* eslint-disable */
import * as types from "./graphql";
import type { TypedDocumentNode as DocumentNode } from "@graphql-typed-document-node/core";

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
  "fragment PersonSummary on Person {\n  id\n  firstName\n  lastName\n  welcomeStage\n}\n\nfragment PageInfoFields on PageInfo {\n  hasNextPage\n  endCursor\n}\n\nquery NetworkCooperatives($region: String, $first: Int, $after: String) {\n  cooperatives(region: $region, first: $first, after: $after) {\n    totalCount\n    edges {\n      cursor\n      node {\n        id\n        name\n        region\n        people {\n          totalCount\n        }\n      }\n    }\n    pageInfo {\n      ...PageInfoFields\n    }\n  }\n}\n\nquery CooperativePeople($cooperativeId: ID!, $first: Int, $after: String) {\n  cooperative(id: $cooperativeId) {\n    id\n    name\n    people(first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...PersonSummary\n          cooperative {\n            id\n            name\n          }\n        }\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n}\n\nquery PersonPath($id: ID!) {\n  person(id: $id) {\n    ...PersonSummary\n    firstContactOn\n    receivedOn\n    cooperative {\n      id\n      name\n    }\n    contracts {\n      totalCount\n      edges {\n        node {\n          id\n          kind\n          status\n          startsOn\n          endsOn\n          monthlyHours\n          fixedMonthlyPay\n        }\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n    activityAccounts {\n      totalCount\n      edges {\n        node {\n          id\n          analyticCode\n          label\n          sector\n          openedOn\n        }\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n}\n\nmutation RegisterPerson($input: RegisterPersonInput!) {\n  registerPerson(input: $input) {\n    ...PersonSummary\n    firstContactOn\n  }\n}\n\nmutation OpenActivityAccount($input: OpenActivityAccountInput!) {\n  openActivityAccount(input: $input) {\n    id\n    analyticCode\n    label\n    sector\n    openedOn\n    person {\n      id\n    }\n  }\n}": typeof types.PersonSummaryFragmentDoc;
};
const documents: Documents = {
  "fragment PersonSummary on Person {\n  id\n  firstName\n  lastName\n  welcomeStage\n}\n\nfragment PageInfoFields on PageInfo {\n  hasNextPage\n  endCursor\n}\n\nquery NetworkCooperatives($region: String, $first: Int, $after: String) {\n  cooperatives(region: $region, first: $first, after: $after) {\n    totalCount\n    edges {\n      cursor\n      node {\n        id\n        name\n        region\n        people {\n          totalCount\n        }\n      }\n    }\n    pageInfo {\n      ...PageInfoFields\n    }\n  }\n}\n\nquery CooperativePeople($cooperativeId: ID!, $first: Int, $after: String) {\n  cooperative(id: $cooperativeId) {\n    id\n    name\n    people(first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...PersonSummary\n          cooperative {\n            id\n            name\n          }\n        }\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n}\n\nquery PersonPath($id: ID!) {\n  person(id: $id) {\n    ...PersonSummary\n    firstContactOn\n    receivedOn\n    cooperative {\n      id\n      name\n    }\n    contracts {\n      totalCount\n      edges {\n        node {\n          id\n          kind\n          status\n          startsOn\n          endsOn\n          monthlyHours\n          fixedMonthlyPay\n        }\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n    activityAccounts {\n      totalCount\n      edges {\n        node {\n          id\n          analyticCode\n          label\n          sector\n          openedOn\n        }\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n}\n\nmutation RegisterPerson($input: RegisterPersonInput!) {\n  registerPerson(input: $input) {\n    ...PersonSummary\n    firstContactOn\n  }\n}\n\nmutation OpenActivityAccount($input: OpenActivityAccountInput!) {\n  openActivityAccount(input: $input) {\n    id\n    analyticCode\n    label\n    sector\n    openedOn\n    person {\n      id\n    }\n  }\n}":
    types.PersonSummaryFragmentDoc,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "fragment PersonSummary on Person {\n  id\n  firstName\n  lastName\n  welcomeStage\n}\n\nfragment PageInfoFields on PageInfo {\n  hasNextPage\n  endCursor\n}\n\nquery NetworkCooperatives($region: String, $first: Int, $after: String) {\n  cooperatives(region: $region, first: $first, after: $after) {\n    totalCount\n    edges {\n      cursor\n      node {\n        id\n        name\n        region\n        people {\n          totalCount\n        }\n      }\n    }\n    pageInfo {\n      ...PageInfoFields\n    }\n  }\n}\n\nquery CooperativePeople($cooperativeId: ID!, $first: Int, $after: String) {\n  cooperative(id: $cooperativeId) {\n    id\n    name\n    people(first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...PersonSummary\n          cooperative {\n            id\n            name\n          }\n        }\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n}\n\nquery PersonPath($id: ID!) {\n  person(id: $id) {\n    ...PersonSummary\n    firstContactOn\n    receivedOn\n    cooperative {\n      id\n      name\n    }\n    contracts {\n      totalCount\n      edges {\n        node {\n          id\n          kind\n          status\n          startsOn\n          endsOn\n          monthlyHours\n          fixedMonthlyPay\n        }\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n    activityAccounts {\n      totalCount\n      edges {\n        node {\n          id\n          analyticCode\n          label\n          sector\n          openedOn\n        }\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n}\n\nmutation RegisterPerson($input: RegisterPersonInput!) {\n  registerPerson(input: $input) {\n    ...PersonSummary\n    firstContactOn\n  }\n}\n\nmutation OpenActivityAccount($input: OpenActivityAccountInput!) {\n  openActivityAccount(input: $input) {\n    id\n    analyticCode\n    label\n    sector\n    openedOn\n    person {\n      id\n    }\n  }\n}",
): (typeof documents)["fragment PersonSummary on Person {\n  id\n  firstName\n  lastName\n  welcomeStage\n}\n\nfragment PageInfoFields on PageInfo {\n  hasNextPage\n  endCursor\n}\n\nquery NetworkCooperatives($region: String, $first: Int, $after: String) {\n  cooperatives(region: $region, first: $first, after: $after) {\n    totalCount\n    edges {\n      cursor\n      node {\n        id\n        name\n        region\n        people {\n          totalCount\n        }\n      }\n    }\n    pageInfo {\n      ...PageInfoFields\n    }\n  }\n}\n\nquery CooperativePeople($cooperativeId: ID!, $first: Int, $after: String) {\n  cooperative(id: $cooperativeId) {\n    id\n    name\n    people(first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...PersonSummary\n          cooperative {\n            id\n            name\n          }\n        }\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n}\n\nquery PersonPath($id: ID!) {\n  person(id: $id) {\n    ...PersonSummary\n    firstContactOn\n    receivedOn\n    cooperative {\n      id\n      name\n    }\n    contracts {\n      totalCount\n      edges {\n        node {\n          id\n          kind\n          status\n          startsOn\n          endsOn\n          monthlyHours\n          fixedMonthlyPay\n        }\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n    activityAccounts {\n      totalCount\n      edges {\n        node {\n          id\n          analyticCode\n          label\n          sector\n          openedOn\n        }\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n}\n\nmutation RegisterPerson($input: RegisterPersonInput!) {\n  registerPerson(input: $input) {\n    ...PersonSummary\n    firstContactOn\n  }\n}\n\nmutation OpenActivityAccount($input: OpenActivityAccountInput!) {\n  openActivityAccount(input: $input) {\n    id\n    analyticCode\n    label\n    sector\n    openedOn\n    person {\n      id\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> =
  TDocumentNode extends DocumentNode<infer TType, any> ? TType : never;
