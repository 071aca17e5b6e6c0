import {
  addMonths,
  badUserInput,
  conflict,
  FUNDER_REPORT_PART_KEYS,
  isDepartementCode,
  LONGEST_PERIOD_YEARS,
  notFound,
  optionalText,
  pastDate,
  plannedDate,
  plausibleCents,
  recordAudit,
  requiredText,
  type Caller,
  type FunderReportPart,
} from "@cae/shared";
import type { DataSource, EntityManager } from "typeorm";
import { networkId, networkLocalId } from "../ids";
import { partnerOrFail } from "../partners/partner.service";
import { FundingAgreementEntity } from "./funding.entity";
import type {
  AmendFundingAgreementInput,
  FundingAgreement,
  FundingTerritory,
  FundingTerritoryInput,
  SignFundingAgreementInput,
} from "./funding.type";

export const toFundingAgreement = (entity: FundingAgreementEntity): FundingAgreement => ({
  id: networkId(entity.id),
  partnerLocalId: entity.partnerId,
  reference: entity.reference,
  title: entity.title,
  territory: { kind: entity.territoryKind, region: entity.territoryRegion, departement: entity.territoryDepartement },
  startsOn: entity.startsOn,
  endsOn: entity.endsOn,
  amountCents: entity.amountCents,
  signedOn: entity.signedOn,
  indicatorsOwed: entity.indicatorsOwed,
});

/** What the audit trail keeps of an agreement: all of it, its partner by global ID. */
const audited = ({ partnerLocalId, ...agreement }: FundingAgreement) => ({ ...agreement, partnerId: networkId(partnerLocalId) });

/** A territory as given: a region for REGION only, a département for DEPARTEMENT only, neither for NETWORK. */
export function territoryOf(input: FundingTerritoryInput, field: string): FundingTerritory {
  const region = optionalText(input.region, `${field}.region`, 100);
  const departement = optionalText(input.departement, `${field}.departement`, 3);
  if (input.kind !== "REGION" && region !== null) {
    throw badUserInput(`${field}.region is for a REGION territory only, not ${input.kind}`, `${field}.region`);
  }
  if (input.kind !== "DEPARTEMENT" && departement !== null) {
    throw badUserInput(`${field}.departement is for a DEPARTEMENT territory only, not ${input.kind}`, `${field}.departement`);
  }
  if (input.kind === "REGION" && region === null)
    throw badUserInput(`${field}.region is required for a REGION territory`, `${field}.region`);
  if (input.kind === "DEPARTEMENT") {
    if (departement === null) throw badUserInput(`${field}.departement is required for a DEPARTEMENT territory`, `${field}.departement`);
    if (!isDepartementCode(departement)) {
      throw badUserInput(`"${departement}" is not an INSEE département code ("38", "2A", "971")`, `${field}.departement`);
    }
  }
  return { kind: input.kind, region, departement };
}

/** The last day of a period that starts on `startsOn`: not before it, at most LONGEST_PERIOD_YEARS after it. */
function endOf(startsOn: string, endsOn: string, field: string): string {
  if (endsOn < startsOn) throw badUserInput(`${field} (${endsOn}) is before the agreement's first day (${startsOn})`, field);
  const latest = addMonths(startsOn, 12 * LONGEST_PERIOD_YEARS);
  if (endsOn > latest) {
    throw badUserInput(`${field} (${endsOn}) makes a period longer than ${LONGEST_PERIOD_YEARS} years (${latest} at the latest)`, field);
  }
  return endsOn;
}

function partsOf(parts: readonly FunderReportPart[], field: string): FunderReportPart[] {
  if (parts.length === 0) throw badUserInput(`${field} must list at least one part of the funder report`, field);
  const unknown = parts.find((part) => !FUNDER_REPORT_PART_KEYS.includes(part));
  if (unknown !== undefined) throw badUserInput(`${field}: "${unknown}" is not a part of the funder report`, field);
  const repeated = parts.find((part, index) => parts.indexOf(part) !== index);
  if (repeated !== undefined) throw badUserInput(`${field} lists ${repeated} twice`, field);
  return [...parts];
}

const amountOf = (amount: bigint, field: string) => plausibleCents(amount, field, 1n);

async function agreementOrFail(manager: EntityManager, fundingAgreementId: string, field: string): Promise<FundingAgreementEntity> {
  const id = networkLocalId(fundingAgreementId, field);
  const agreement = await manager.getRepository(FundingAgreementEntity).findOne({ where: { id }, lock: { mode: "pessimistic_write" } });
  if (!agreement) throw notFound(`The network has no funding agreement "${fundingAgreementId}"`, field);
  return agreement;
}

export async function signFundingAgreement(db: DataSource, actor: Caller, input: SignFundingAgreementInput): Promise<FundingAgreement> {
  networkLocalId(input.partnerId, "input.partnerId");
  const territory = territoryOf(input.territory, "input.territory");
  const startsOn = plannedDate(input.startsOn, "input.startsOn");
  const values = {
    reference: requiredText(input.reference, "input.reference", 100),
    title: requiredText(input.title, "input.title"),
    territoryKind: territory.kind,
    territoryRegion: territory.region,
    territoryDepartement: territory.departement,
    startsOn,
    endsOn: endOf(startsOn, input.endsOn, "input.endsOn"),
    amountCents: amountOf(input.amountCents, "input.amountCents"),
    signedOn: pastDate(input.signedOn, "input.signedOn"),
    indicatorsOwed: partsOf(input.indicatorsOwed, "input.indicatorsOwed"),
  };
  return db.transaction(async (manager) => {
    // The partner is locked so that it is there until the agreement is written.
    const partner = await partnerOrFail(manager, input.partnerId, "input.partnerId", true);
    // One statement decides (the unique index on the partner and lower(reference)), so that the same convention is not recorded twice.
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(FundingAgreementEntity)
      .values({ ...values, partnerId: partner.id })
      .orIgnore()
      .returning("id")
      .execute();
    if (inserted.raw.length === 0) {
      throw conflict(`Partner "${partner.name}" already has an agreement "${values.reference}" (whatever its case)`, "input.reference");
    }
    const saved = await manager.getRepository(FundingAgreementEntity).findOneByOrFail({ id: (inserted.raw as { id: string }[])[0].id });
    const agreement = toFundingAgreement(saved);
    await recordAudit(manager, actor, {
      action: "signFundingAgreement",
      entityType: "FundingAgreement",
      entityId: agreement.id,
      details: audited(agreement),
    });
    return agreement;
  });
}

export async function amendFundingAgreement(db: DataSource, actor: Caller, input: AmendFundingAgreementInput): Promise<FundingAgreement> {
  networkLocalId(input.fundingAgreementId, "input.fundingAgreementId");
  const given = {
    title: input.title != null ? requiredText(input.title, "input.title") : undefined,
    amountCents: input.amountCents != null ? amountOf(input.amountCents, "input.amountCents") : undefined,
    indicatorsOwed: input.indicatorsOwed != null ? partsOf(input.indicatorsOwed, "input.indicatorsOwed") : undefined,
  };
  if (input.endsOn == null && Object.values(given).every((value) => value === undefined)) {
    throw badUserInput("Nothing to amend: give at least one of endsOn, amountCents, indicatorsOwed, title", "input");
  }
  return db.transaction(async (manager) => {
    const entity = await agreementOrFail(manager, input.fundingAgreementId, "input.fundingAgreementId");
    const before = toFundingAgreement(entity);
    const changes: Partial<FundingAgreementEntity> = {};
    if (input.endsOn != null && input.endsOn !== entity.endsOn) changes.endsOn = endOf(entity.startsOn, input.endsOn, "input.endsOn");
    if (given.title !== undefined && given.title !== entity.title) changes.title = given.title;
    if (given.amountCents !== undefined && given.amountCents !== entity.amountCents) changes.amountCents = given.amountCents;
    if (given.indicatorsOwed !== undefined && given.indicatorsOwed.join() !== entity.indicatorsOwed.join()) {
      changes.indicatorsOwed = given.indicatorsOwed;
    }
    // An amendment that changes nothing would leave an empty trace in the audit trail.
    if (Object.keys(changes).length === 0)
      throw badUserInput("This amendment changes nothing: every value given is the agreement's already", "input");
    const repository = manager.getRepository(FundingAgreementEntity);
    await repository.update({ id: entity.id }, changes);
    const after = toFundingAgreement(await repository.findOneByOrFail({ id: entity.id }));
    await recordAudit(manager, actor, {
      action: "amendFundingAgreement",
      entityType: "FundingAgreement",
      entityId: after.id,
      details: { before: audited(before), after: audited(after) },
    });
    return after;
  });
}
