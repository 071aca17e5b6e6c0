import { encodeId } from "@cae/shared";
import type { ExpenseReportEntity, ExpenseReportLineEntity, MileageTripEntity } from "./expense-report.entity";
import type { ExpenseReport } from "./expense-report.type";

export function toExpenseReport(
  entity: ExpenseReportEntity,
  lines: readonly ExpenseReportLineEntity[],
  trips: readonly MileageTripEntity[],
  cooperativeId: string,
): ExpenseReport {
  return {
    id: encodeId(cooperativeId, entity.id),
    month: entity.month,
    status: entity.status,
    payeeName: entity.payeeName,
    payeeIban: entity.payeeIban,
    lines: lines.map((line) => ({
      position: line.position,
      spentOn: line.spentOn,
      category: line.category,
      description: line.description,
      netCents: line.netCents,
      vatCents: line.vatCents,
      receiptReference: line.receiptReference,
      hasReceiptFile: line.fileId !== null,
    })),
    mileage: trips.map((trip) => ({
      position: trip.position,
      tripOn: trip.tripOn,
      purpose: trip.purpose,
      vehicle: trip.vehicle,
      fiscalHorsepower: trip.fiscalHorsepower,
      electric: trip.electric,
      distanceKm: trip.distanceKm,
      yearKmBefore: trip.yearKmBefore,
      scaleYear: trip.scaleYear,
      amountCents: trip.amountCents,
    })),
    netCents: entity.netCents,
    vatCents: entity.vatCents,
    mileageCents: entity.mileageCents,
    totalCents: entity.totalCents,
    paidCents: entity.paidCents,
    approvedOn: entity.approvedOn,
    rejectionReason: entity.rejectionReason,
    accountId: entity.accountId,
  };
}
