import { encodeId } from "@cae/shared";
import { formatRate, parseRate } from "../money/arithmetic";
import { isoDate } from "../money/dates";
import { explain } from "./contribution.compute";
import type { ContributionEntryEntity, SalaryCostEntity } from "./contribution.entity";
import type { ContributionEntry, SalaryCost } from "./contribution.type";

export function toContributionEntry(entity: ContributionEntryEntity, cooperativeId: string): ContributionEntry {
  const parts = entity.parts.map((part) => ({
    fromCents: BigInt(part.fromCents),
    rate: parseRate(part.rate, "rate"),
    basisCents: BigInt(part.basisCents),
    amountCents: BigInt(part.amountCents),
  }));
  return {
    id: encodeId(cooperativeId, entity.id),
    month: isoDate(entity.month).slice(0, 7),
    basis: entity.basis,
    basisCents: entity.basisCents,
    yearBasisBeforeCents: entity.yearBasisBeforeCents,
    rateSource: entity.rateSource,
    parts: parts.map((part) => ({ ...part, rate: formatRate(part.rate) })),
    amountCents: entity.amountCents,
    explanation: explain(entity.basis, entity.basisCents, parts),
    accountId: entity.accountId,
  };
}

export function toSalaryCost(entity: SalaryCostEntity, cooperativeId: string): SalaryCost {
  return {
    id: encodeId(cooperativeId, entity.id),
    month: isoDate(entity.month).slice(0, 7),
    amountCents: entity.amountCents,
    source: entity.source ?? "MANUAL",
    grossCents: entity.grossCents ?? null,
    netCents: entity.netCents ?? null,
    employerContributionsCents: entity.employerContributionsCents ?? null,
    adjustsMonth: entity.adjustsMonth ? isoDate(entity.adjustsMonth).slice(0, 7) : null,
  };
}
