import { NETWORK_ROLES, rules, STAFF, type AccessPolicy, type ReadRule } from "@cae/shared";

/** The network's indicators: network roles (under disclosure control) and a cooperative's staff (their own, exact). */
const indicatorReaders: ReadRule = { summary: "the network's staff and the cooperatives' staff", roles: [...NETWORK_ROLES, ...STAFF] };

/**
 * Who may read what in the gateway's own `network` subgraph (the registry, the entry points, the
 * indicators): every object type and the fields narrower than their object.
 */
export const networkPolicy: AccessPolicy = {
  types: {
    Network: rules.open,
    Cooperative: rules.open,
    CooperativeEndpoints: rules.part,
    CooperativeConnection: rules.part,
    CooperativeEdge: rules.part,
    PageInfo: rules.part,
    // A stub ({ id }) whose fields come from the person's own cooperative, which decides again.
    Person: rules.aboutPeople((person: { id: string }) => person.id),
    NetworkIndicators: rules.part,
    MissingCooperative: rules.part,
    IndicatorSet: rules.part,
    CooperativeIndicators: rules.part,
    RegionIndicators: rules.part,
    MonthIndicators: rules.part,
    CountCell: rules.part,
    KeyedCountCell: rules.part,
    DecimalCell: rules.part,
    FunderIndicators: rules.part,
    FunderDimensionCells: rules.part,
    FunderFollowUpCells: rules.part,
    FunderSupportCells: rules.part,
    AmountCell: rules.part,
    DurationIndicator: rules.part,
    // Its report is the network's protected figures for the agreement's territory: as the agreement, the network's staff only.
    FundingAgreement: { summary: "the network's staff", roles: NETWORK_ROLES },
  },
  fields: {
    "Query.network": rules.open,
    "Query.cooperatives": rules.open,
    "Query.cooperative": rules.open,
    // Network roles resolve no individual: not even a stub.
    "Query.person": rules.members,
    "Network.indicators": indicatorReaders,
    // The network's own plumbing: its staff read it, the cooperatives' users have no use for it.
    "Cooperative.endpoints": { summary: "the network's staff", roles: NETWORK_ROLES },
  },
};
