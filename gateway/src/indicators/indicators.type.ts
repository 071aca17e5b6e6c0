import { ArgsType, Field, Float, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { CentsScalar, DateTimeScalar, DecimalScalar, LocalDateScalar } from "@cae/shared";

export const SuppressionReasonValues = {
  CONFIDENTIAL: "CONFIDENTIAL",
  BELOW_MIN_COUNT: "BELOW_MIN_COUNT",
  FEW_ACTIVITIES: "FEW_ACTIVITIES",
  DOMINANT_ACTIVITY: "DOMINANT_ACTIVITY",
  SECONDARY: "SECONDARY",
  UNAVAILABLE: "UNAVAILABLE",
} as const;
const NOT_GIVEN = "No longer given: every hidden figure is CONFIDENTIAL, since saying which ones are small would help recover them.";
registerEnumType(SuppressionReasonValues, {
  name: "SuppressionReason",
  description: "Why a figure is not given (secret statistique, or a source that does not answer).",
  valuesConfig: {
    CONFIDENTIAL: {
      description:
        "Hidden by the disclosure control (secret statistique): either sensitive itself (a count of people from 1 to INDICATORS_MIN_COUNT - 1, an amount of fewer than 3 activities or more than 85 % of which comes from one), or hidden so that no sensitive figure can be recovered or narrowed from the others (secret secondaire), or computed from a hidden figure. Which of these is not said: that would help recover it.",
    },
    BELOW_MIN_COUNT: { description: "A count of people below the network's threshold.", deprecationReason: NOT_GIVEN },
    FEW_ACTIVITIES: { description: "An amount made of fewer than 3 activities.", deprecationReason: NOT_GIVEN },
    DOMINANT_ACTIVITY: { description: "An amount more than 85 % of which comes from one activity.", deprecationReason: NOT_GIVEN },
    SECONDARY: { description: "Hidden to protect another hidden figure.", deprecationReason: NOT_GIVEN },
    UNAVAILABLE: {
      description:
        "The subgraph that computes this figure is not part of the network's schema yet, or no protected release of the year can be given (a cooperative missing).",
    },
  },
});

@ObjectType({ description: "A count: the value, or null with the reason it is hidden." })
export class CountCell {
  @Field(() => Int, { nullable: true, description: "The count; null when suppressed or unavailable." })
  value: number | null;

  @Field(() => Boolean, { description: "True when the count is hidden by the disclosure control (secret statistique)." })
  suppressed: boolean;

  @Field(() => SuppressionReasonValues, { nullable: true, description: "Why the value is null." })
  reason: string | null;
}

@ObjectType({ description: "A count in one category (a stage, a reason, a bracket, a sector, a kind of contract)." })
export class KeyedCountCell extends CountCell {
  @Field(() => String, { description: 'The category ("EMPLOYMENT_CONTRACT", "TRAINING", "26-35", "SERVICES", "EMPLOYMENT"...).' })
  key: string;
}

@ObjectType({ description: "An amount of money in cents, or null with the reason it is hidden." })
export class AmountCell {
  @Field(() => CentsScalar, { nullable: true, description: "The exact amount in euro cents; null when suppressed or unavailable." })
  value: string | null;

  @Field(() => Boolean, { description: "True when the amount is hidden by the disclosure control." })
  suppressed: boolean;

  @Field(() => SuppressionReasonValues, { nullable: true, description: "Why the value is null." })
  reason: string | null;
}

@ObjectType({ description: "A decimal figure (a share, hours, a full-time equivalent, an average), or null with the reason." })
export class DecimalCell {
  @Field(() => DecimalScalar, {
    nullable: true,
    description: "The figure, computed from exact sums; null when suppressed, unavailable or undefined (a share of nobody).",
  })
  value: string | null;

  @Field(() => Boolean, { description: "True when the figure is hidden because a figure it is computed from is." })
  suppressed: boolean;

  @Field(() => SuppressionReasonValues, { nullable: true, description: "Why the value is null, when it is hidden." })
  reason: string | null;
}

@ObjectType({ description: "People counted by one dimension: every key of it, each a count cell; the keys add up to the total." })
export class FunderDimensionCells {
  @Field(() => String, {
    description:
      "The dimension, as the members subgraph's FunderDimension: GENDER, AGE_BRACKET, JOB_SEEKER, LONG_TERM_JOB_SEEKER, UNEMPLOYMENT_BENEFIT, RSA, DISABILITY, EDUCATION_LEVEL, PRIORITY_NEIGHBOURHOOD, DEPARTEMENT, SECTOR, REFERRING_PARTNER_KIND.",
  })
  dimension: string;

  @Field(() => [KeyedCountCell], {
    description: 'Every key of the dimension ("YES", "NO", "UNKNOWN"; a level; a département\'s code...), zeros included.',
  })
  cells: KeyedCountCell[];
}

@ObjectType({ description: "The follow-ups after exit due at one delay (6 or 12 months) in the period." })
export class FunderFollowUpCells {
  @Field(() => Int, { description: "Months after the exit: 6 or 12." })
  months: number;

  @Field(() => CountCell, { description: "Follow-ups due in the period (exit + months falls in it)." })
  due: CountCell;

  @Field(() => [KeyedCountCell], {
    description:
      "By the situation recorded: OWN_COMPANY_ACTIVE, SALARIED_JOB, TRAINING, JOB_SEEKING, OTHER, NOT_REACHED, or NOT_RECORDED (none recorded yet).",
  })
  bySituation: KeyedCountCell[];
}

@ObjectType({ description: "The support given in the period (accompagnement)." })
export class FunderSupportCells {
  @Field(() => CountCell, { description: "Individual sessions (entretiens individuels) held." })
  individualSessions: CountCell;

  @Field(() => DecimalCell, { description: "Their hours (hidden with their count)." })
  individualHours: DecimalCell;

  @Field(() => CountCell, { description: "Their minutes, exactly (hidden with their count)." })
  individualMinutes: CountCell;

  @Field(() => CountCell, { description: "Collective workshops (ateliers) held." })
  workshops: CountCell;

  @Field(() => DecimalCell, { description: "Their hours (hidden with their count)." })
  workshopHours: DecimalCell;

  @Field(() => CountCell, { description: "Their minutes, exactly (hidden with their count)." })
  workshopMinutes: CountCell;

  @Field(() => CountCell, {
    description: "Workshops whose signed attendance sheet (feuille d'émargement) is kept (hidden with their count).",
  })
  workshopsWithSignedSheet: CountCell;

  @Field(() => CountCell, { description: "Attendances at workshops (one per person and workshop)." })
  workshopAttendances: CountCell;

  @Field(() => CountCell, { description: "People reached: who attended at least one session, individual or workshop, in the period." })
  peopleReached: CountCell;
}

@ObjectType({
  description:
    "What partners and funders ask for (docs/reporting.md), added up over the cooperatives and protected like every network figure: people supported in the period and their situation at entry, people received, entries at each step, people in each contract, orientations by partner, follow-ups after exit, support given. People are counted once per period: a quarter's figure is its own, not its months' sum.",
})
export class FunderIndicators {
  @Field(() => CountCell, {
    description: "People supported in the period: a contract in force on at least one of its days, or a support session attended in it.",
  })
  supported: CountCell;

  @Field(() => [FunderDimensionCells], { description: "The people supported, by each dimension." })
  supportedBy: FunderDimensionCells[];

  @Field(() => [FunderDimensionCells], {
    description: "The people received (individual reception) in the period, by each dimension; each adds up to `receptions`.",
  })
  receivedBy: FunderDimensionCells[];

  @Field(() => [KeyedCountCell], {
    description:
      "New entries at each step in the period; keys are the members subgraph's FunderStep (INFORMATION_MEETING: a first information meeting attended; RECEPTION, ADMISSION, ORIENTATION, EXIT: the same counts as the set's own; OBJECTIVE_CONTRACT, SUPPORT_AGREEMENT, EMPLOYMENT_CONTRACT: a first contract of the kind started; ASSOCIATE).",
  })
  entries: KeyedCountCell[];

  @Field(() => [KeyedCountCell], {
    description: "People with a contract of each kind in force on at least one day of the period; keys are ContractKind values.",
  })
  inContract: KeyedCountCell[];

  @Field(() => [KeyedCountCell], {
    description: "Orientations decided in the period, by the kind of partner oriented to; they add up to `orientations`.",
  })
  orientationsByPartnerKind: KeyedCountCell[];

  @Field(() => [FunderFollowUpCells], { description: "Follow-ups after exit due in the period, at 6 and at 12 months." })
  followUps: FunderFollowUpCells[];

  @Field(() => FunderSupportCells, { description: "The support given in the period." })
  support: FunderSupportCells;
}

@ObjectType({
  description: "A duration over several people: how many, and the average computed from the sum of days (never an average of averages).",
})
export class DurationIndicator {
  @Field(() => CountCell, { description: "How many people the average is over." })
  count: CountCell;

  @Field(() => DecimalCell, { description: "Average days (total days / count), one decimal." })
  averageDays: DecimalCell;
}

@ObjectType({ description: "The indicators of a set of cooperatives (one, a region, a selection or the network) for a period." })
export class IndicatorSet {
  @Field(() => Int, { description: "How many cooperatives these figures are made of (those that answered)." })
  cooperatives: number;

  @Field(() => CountCell, { description: "People welcomed by the end of the period (porteurs de projet and entrepreneurs)." })
  people: CountCell;

  @Field(() => [KeyedCountCell], {
    description:
      "People welcomed by the end of the period, by the furthest step of the path (parcours) reached now; keys are PathStage values.",
  })
  peopleByStage: KeyedCountCell[];

  @Field(() => CountCell, { description: "Entries: individual receptions (accueils individuels) held in the period." })
  receptions: CountCell;

  @Field(() => CountCell, { description: "Admissions decided in the period." })
  admissions: CountCell;

  @Field(() => CountCell, { description: "Orientations to a partner decided in the period." })
  orientations: CountCell;

  @Field(() => CountCell, { description: "Exits (sorties) in the period." })
  exits: CountCell;

  @Field(() => [KeyedCountCell], { description: "Exits in the period by reason; keys are ExitReason values." })
  exitsByReason: KeyedCountCell[];

  @Field(() => CountCell, { description: "Associates (sociétaires) at the end of the period." })
  associates: CountCell;

  @Field(() => DecimalCell, {
    description:
      "Share of associates among the people employed or associates (path stages ASSOCIATE / (EMPLOYMENT_CONTRACT + ASSOCIATE)), from 0 to 1.",
  })
  associatesShare: DecimalCell;

  @Field(() => CountCell, { description: "Women among the people welcomed by the end of the period." })
  women: CountCell;

  @Field(() => CountCell, {
    description: "People welcomed by the end of the period who declared a gender (the base of the women's share).",
  })
  genderDeclared: CountCell;

  @Field(() => DecimalCell, { description: "Women's share (part des femmes): women / gender declared, from 0 to 1." })
  womenShare: DecimalCell;

  @Field(() => [KeyedCountCell], {
    description: 'People by age at the end of the period: "under 26", "26-35", "36-45", "46-55", "over 55", "unknown".',
  })
  ageBrackets: KeyedCountCell[];

  @Field(() => [KeyedCountCell], {
    description: "Activities started by the end of the period, by sector (secteur); keys are Sector values.",
  })
  activitiesBySector: KeyedCountCell[];

  @Field(() => CountCell, { description: "Contracts signed in the period (all kinds)." })
  contractsSigned: CountCell;

  @Field(() => [KeyedCountCell], { description: "Contracts signed in the period by kind; keys are ContractKind values." })
  contractsSignedByKind: KeyedCountCell[];

  @Field(() => CountCell, { description: "Amendments (avenants) effective in the period." })
  amendments: CountCell;

  @Field(() => [KeyedCountCell], { description: "Contracts running at the end of the period by kind (EMPLOYMENT: the running CESA)." })
  runningContractsByKind: KeyedCountCell[];

  @Field(() => DecimalCell, { description: "Monthly hours of the employment contracts running at the end of the period (exact sum)." })
  runningEmploymentHours: DecimalCell;

  @Field(() => DecimalCell, {
    description: "Full-time equivalent (équivalent temps plein) of those contracts: hours / 151.67, two decimals.",
  })
  fullTimeEquivalent: DecimalCell;

  @Field(() => AmountCell, { description: "Revenue excluding VAT invoiced in the period (chiffre d'affaires HT), credit notes deducted." })
  revenueExcludingVat: AmountCell;

  @Field(() => AmountCell, { description: "Revenue collected in the period (encaissements)." })
  revenueCollected: AmountCell;

  @Field(() => AmountCell, { description: "Cooperative contributions (contribution coopérative) of the period." })
  contributions: AmountCell;

  @Field(() => CountCell, { description: "Invoices issued in the period (hidden with the revenue they carry)." })
  invoicesIssued: CountCell;

  @Field(() => CountCell, { description: "Credit notes (avoirs) issued in the period (hidden with the revenue)." })
  creditNotesIssued: CountCell;

  @Field(() => DurationIndicator, {
    description: "Time from the reception (accueil) to the first employment contract (CESA), for first CESA starting in the period.",
  })
  receptionToEmploymentContract: DurationIndicator;

  @Field(() => DurationIndicator, { description: "Time from the reception to the admission, for admissions decided in the period." })
  receptionToAdmission: DurationIndicator;

  @Field(() => DurationIndicator, {
    description: "Time from the first support agreement (CAPE) to the CESA, for CESA starting in the period after a CAPE.",
  })
  supportToEmployment: DurationIndicator;

  @Field(() => FunderIndicators, {
    description:
      "What partners and funders ask for: people supported and their situation at entry, entries, contracts, follow-ups after exit, support given (UNAVAILABLE where a cooperative's members subgraph does not give them yet).",
  })
  funder: FunderIndicators;
}

@ObjectType({ description: "The flows of one calendar month (the first and last months cut to the period)." })
export class MonthIndicators {
  @Field(() => String, { description: 'The month, "2026-03".' })
  month: string;

  @Field(() => CountCell, { description: "Receptions held in the month." })
  receptions: CountCell;

  @Field(() => CountCell, { description: "Admissions decided in the month." })
  admissions: CountCell;

  @Field(() => CountCell, { description: "Orientations decided in the month." })
  orientations: CountCell;

  @Field(() => CountCell, { description: "Exits in the month." })
  exits: CountCell;

  @Field(() => CountCell, { description: "Contracts signed in the month." })
  contractsSigned: CountCell;

  @Field(() => [KeyedCountCell], { description: "Contracts signed in the month by kind." })
  contractsSignedByKind: KeyedCountCell[];

  @Field(() => CountCell, { description: "Amendments (avenants) effective in the month." })
  amendments: CountCell;

  @Field(() => AmountCell, { description: "Revenue excluding VAT invoiced in the month." })
  revenueExcludingVat: AmountCell;

  @Field(() => AmountCell, { description: "Cooperative contributions of the month." })
  contributions: AmountCell;

  @Field(() => CountCell, { description: "Invoices issued in the month." })
  invoicesIssued: CountCell;
}

@ObjectType({ description: "One cooperative's indicators." })
export class CooperativeIndicators {
  @Field(() => ID, { description: "The cooperative's slug." })
  id: string;

  @Field(() => String, { description: "Its name." })
  name: string;

  @Field(() => String, { description: "Its region (région)." })
  region: string;

  @Field(() => IndicatorSet, { description: "Its figures, controlled for network roles." })
  indicators: IndicatorSet;
}

@ObjectType({ description: "The indicators of the selected cooperatives of one region." })
export class RegionIndicators {
  @Field(() => String, { description: "The region (région)." })
  region: string;

  @Field(() => [ID], { description: "The cooperatives of the region these figures are made of." })
  cooperativeIds: string[];

  @Field(() => IndicatorSet, { description: "Their figures." })
  indicators: IndicatorSet;
}

@ObjectType({ description: "A cooperative whose figures are missing from an incomplete answer." })
export class MissingCooperative {
  @Field(() => ID, { description: "The cooperative's slug." })
  id: string;

  @Field(() => String, { description: "Its name." })
  name: string;

  @Field(() => String, { description: 'Why: "no answer within 2000 ms", a refused connection, an error of one of its subgraphs.' })
  reason: string;
}

@ObjectType({ description: "The network's indicators (indicateurs du réseau) for a period: only aggregates leave the cooperatives." })
export class NetworkIndicators {
  @Field(() => LocalDateScalar, { description: "First day of the period." })
  from: string;

  @Field(() => LocalDateScalar, { description: "Last day of the period." })
  to: string;

  @Field(() => DateTimeScalar, {
    description: "When the cooperatives were asked (network roles: when the year's protected release was built; it is kept and reused).",
  })
  generatedAt: Date;

  @Field(() => Float, { description: "How old the figures are, in seconds (0 when just computed)." })
  ageSeconds: number;

  @Field(() => Boolean, {
    description: "False when a selected cooperative did not answer: the totals are then over the answering cooperatives only.",
  })
  complete: boolean;

  @Field(() => [MissingCooperative], { description: "The selected cooperatives whose figures are missing, and why." })
  missingCooperatives: MissingCooperative[];

  @Field(() => [String], {
    description: 'Parts of the figures no cooperative can give yet (a subgraph whose field is not in the schema: "finance").',
  })
  unavailableSources: string[];

  @Field(() => Boolean, {
    description:
      "True for network roles: the figures are a slice of the year's protected release (secret statistique); false for a cooperative's staff reading its own exact figures.",
  })
  disclosureControl: boolean;

  @Field(() => Int, { description: "The threshold below which a count of people is suppressed." })
  minCount: number;

  @Field(() => IndicatorSet, { description: "The totals of the selection (answering cooperatives only when incomplete)." })
  totals: IndicatorSet;

  @Field(() => [CooperativeIndicators], { description: "The same figures per answering cooperative, by ID." })
  byCooperative: CooperativeIndicators[];

  @Field(() => [RegionIndicators], { description: "The same figures per region, by name." })
  byRegion: RegionIndicators[];

  @Field(() => [MonthIndicators], { description: "The selection's monthly series, one row per calendar month of the period, in order." })
  monthly: MonthIndicators[];
}

@ArgsType()
export class NetworkIndicatorsArgs {
  @Field(() => LocalDateScalar, { description: "First day of the period." })
  from: string;

  @Field(() => LocalDateScalar, {
    description:
      "Last day of the period; stocks are taken at its end. Network roles: a calendar month, quarter or year (from its first day to its last day); a cooperative's staff: any period of at most 36 months.",
  })
  to: string;

  @Field(() => [String], { nullable: true, description: "Only the cooperatives of these regions." })
  regions?: string[] | null;

  @Field(() => [ID], {
    nullable: true,
    description: "Only these cooperatives (a cooperative's staff: their own only, the default for them).",
  })
  cooperativeIds?: string[] | null;
}

@ObjectType({ description: "The network as a whole: its indicators across cooperatives." })
export class Network {
  /** Marker: the type's only field is resolved by `NetworkIndicatorsResolver`. */
  readonly kind = "network";
}
