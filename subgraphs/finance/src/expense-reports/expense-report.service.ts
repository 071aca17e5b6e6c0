import {
  badUserInput,
  encodeId,
  notFound,
  ownLocalId,
  pastDate,
  pastMonth,
  plausibleCents,
  recordAudit,
  requiredText,
  type Caller,
} from "@cae/shared";
import { postSources } from "../books/posting";
import type { DataSource, EntityManager } from "typeorm";
import { assertMayDraftFor, requireAccount, requireActiveActivity } from "../accounts/account-access";
import { assertMonthOpen } from "../contributions/closed-month";
import { conflictOn } from "../errors";
import { optionalBic, sepaIban } from "../suppliers/bank-details";
import { checkedFile, storeFiles, type CheckedFile } from "../supplier-invoices/purchase-file";
import { ExpenseReportEntity, ExpenseReportLineEntity, MileageTripEntity } from "./expense-report.entity";
import type { ApproveExpenseReportInput, RejectExpenseReportInput, SubmitExpenseReportInput } from "./expense-report.type";
import { tripAllowance } from "./mileage-scale";

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const VEHICLE = /^[A-Z0-9-]{1,20}$/;

function inMonth(day: string, month: string, field: string) {
  pastDate(day, field);
  if (day.slice(0, 7) !== month) throw badUserInput(`${field} ${day} is not in the report's month ${month}`, field);
}

/**
 * Submits an expense report (the entrepreneur of the activity, or staff for them): every line
 * with its receipt, every trip with its allowance from the scale. Checked whole before anything is
 * written. The cumulative distance per person and car is read under a per-person lock, so two
 * reports submitted at once take their bands one after the other.
 */
export async function submitExpenseReport(db: DataSource, cooperativeId: string, actor: Caller, input: SubmitExpenseReportInput) {
  if (!MONTH.test(input.month)) throw badUserInput(`input.month must be a month as "2026-10", got "${input.month}"`, "input.month");
  pastMonth(input.month, "input.month");
  const payeeName = requiredText(input.payeeName, "input.payeeName", 200);
  const payeeIban = sepaIban(input.payeeIban, "input.payeeIban");
  const payeeBic = optionalBic(input.payeeBic, "input.payeeBic");
  if (input.lines.length + input.mileage.length === 0)
    throw badUserInput("An expense report holds one expense or trip at least", "input.lines");
  if (input.lines.length > 200 || input.mileage.length > 200)
    throw badUserInput("An expense report holds 200 expenses and 200 trips at most", "input.lines");
  const files: (CheckedFile | null)[] = [];
  const lines = input.lines.map((line, i) => {
    const at = `input.lines.${i}`;
    inMonth(line.spentOn, input.month, `${at}.spentOn`);
    if (line.netCents <= 0n) throw badUserInput(`${at}.netCents must be above 0`, `${at}.netCents`);
    plausibleCents(line.netCents, `${at}.netCents`);
    const vatCents = line.vatCents ?? 0n;
    if (vatCents < 0n || vatCents > line.netCents)
      throw badUserInput(`${at}.vatCents must be between 0 and the net amount`, `${at}.vatCents`);
    const receiptReference = line.receiptReference?.trim() ? requiredText(line.receiptReference, `${at}.receiptReference`, 100) : null;
    const file = line.receiptFile ? checkedFile(line.receiptFile, `${at}.receiptFile`) : null;
    if (!receiptReference && !file)
      throw badUserInput(`${at} needs its receipt: a receiptFile or a receiptReference`, `${at}.receiptReference`);
    files.push(file);
    return {
      position: i + 1,
      spentOn: line.spentOn,
      category: line.category,
      description: requiredText(line.description, `${at}.description`, 500),
      netCents: line.netCents,
      vatCents,
      receiptReference,
    };
  });
  const trips = input.mileage.map((trip, i) => {
    const at = `input.mileage.${i}`;
    inMonth(trip.tripOn, input.month, `${at}.tripOn`);
    const vehicle = trip.vehicle.trim().toUpperCase().replace(/\s+/g, "-");
    if (!VEHICLE.test(vehicle)) throw badUserInput(`${at}.vehicle must be a registration (letters, digits, dashes)`, `${at}.vehicle`);
    if (!Number.isInteger(trip.fiscalHorsepower) || trip.fiscalHorsepower < 1 || trip.fiscalHorsepower > 99) {
      throw badUserInput(`${at}.fiscalHorsepower must be a whole number from 1 to 99`, `${at}.fiscalHorsepower`);
    }
    if (!Number.isInteger(trip.distanceKm) || trip.distanceKm < 1 || trip.distanceKm > 10000) {
      throw badUserInput(`${at}.distanceKm must be a whole number of km from 1 to 10000`, `${at}.distanceKm`);
    }
    return { ...trip, index: i, position: i + 1, purpose: requiredText(trip.purpose, `${at}.purpose`, 200), vehicle };
  });

  return db.transaction(async (manager) => {
    const account = await requireAccount(manager, cooperativeId, input.accountId, "input.accountId");
    assertMayDraftFor(actor, cooperativeId, account);
    await requireActiveActivity(manager, cooperativeId, account, "input.accountId", "booking");
    // One person's trips take their bands one report after the other.
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`mileage:${account.personId}`]);
    const live = await manager
      .getRepository(ExpenseReportEntity)
      .createQueryBuilder("report")
      .where("report.accountId = :accountId AND report.month = :month AND report.status <> 'REJECTED'", {
        accountId: account.id,
        month: input.month,
      })
      .getOne();
    if (live) throw conflictOn(`The activity has an expense report for ${input.month} already (${live.status})`, "input.month");

    const allowances = await mileageAllowances(manager, account.personId, trips);
    const netCents = lines.reduce((sum, line) => sum + line.netCents, 0n);
    const vatCents = lines.reduce((sum, line) => sum + line.vatCents, 0n);
    const mileageCents = allowances.reduce((sum, trip) => sum + trip.amountCents, 0n);
    plausibleCents(netCents + vatCents + mileageCents, "input.lines");
    const reports = manager.getRepository(ExpenseReportEntity);
    const report = await reports.save(
      reports.create({
        accountId: account.id,
        personId: account.personId,
        month: input.month,
        status: "SUBMITTED",
        payeeName,
        payeeIban,
        payeeBic,
        netCents,
        vatCents,
        mileageCents,
        totalCents: netCents + vatCents + mileageCents,
        paidCents: 0n,
        approvedOn: null,
        rejectionReason: null,
      }),
    );
    const stored = await storeFiles(
      manager,
      files.filter((file): file is CheckedFile => file !== null),
    );
    let next = 0;
    const fileIds = files.map((file) => (file ? stored[next++] : null));
    if (lines.length > 0) {
      await manager
        .getRepository(ExpenseReportLineEntity)
        .insert(lines.map((line, i) => ({ ...line, reportId: report.id, fileId: fileIds[i] })));
    }
    if (allowances.length > 0) {
      await manager
        .getRepository(MileageTripEntity)
        .insert(allowances.map((trip) => ({ ...trip, reportId: report.id, personId: account.personId })));
    }
    await recordAudit(manager, actor, {
      action: "submitExpenseReport",
      entityType: "ExpenseReport",
      entityId: encodeId(cooperativeId, report.id),
      details: {
        ...input,
        lines: input.lines.map((line, i) => ({
          ...line,
          receiptFile: files[i] ? { fileName: files[i].fileName, sha256: files[i].sha256, sizeBytes: files[i].sizeBytes } : null,
        })),
      },
    });
    return report;
  });
}

type TripValues = {
  index: number;
  position: number;
  tripOn: string;
  purpose: string;
  vehicle: string;
  fiscalHorsepower: number;
  electric: boolean;
  distanceKm: number;
};

/**
 * The allowance of each trip: the person's km with the car earlier in the calendar year (reports
 * not rejected), then this report's trips by date, decide the band. A car keeps its horsepower and
 * energy over the year: a trip saying otherwise is refused, since the band's km would mix two cars.
 */
async function mileageAllowances(manager: EntityManager, personId: string, trips: readonly TripValues[]) {
  if (trips.length === 0) return [];
  const vehicles = [...new Set(trips.map((trip) => trip.vehicle))];
  const years = [...new Set(trips.map((trip) => Number(trip.tripOn.slice(0, 4))))];
  const earlier: { vehicle: string; year: number; km: string; horsepower: number; electric: boolean }[] = await manager.query(
    `SELECT t.vehicle, extract(year FROM t.trip_on)::int AS year, sum(t.distance_km)::text AS km,
            min(t.fiscal_horsepower) AS horsepower, bool_or(t.electric) AS electric
       FROM mileage_trips t JOIN expense_reports r ON r.id = t.report_id
      WHERE t.person_id = $1 AND r.status <> 'REJECTED' AND t.vehicle = ANY($2::text[]) AND extract(year FROM t.trip_on)::int = ANY($3::int[])
      GROUP BY t.vehicle, extract(year FROM t.trip_on)`,
    [personId, vehicles, years],
  );
  const km = new Map(earlier.map((row) => [`${row.vehicle}/${row.year}`, Number(row.km)]));
  const car = new Map(earlier.map((row) => [row.vehicle, { horsepower: row.horsepower, electric: row.electric }]));
  const ordered = [...trips].sort((a, b) => (a.tripOn < b.tripOn ? -1 : a.tripOn > b.tripOn ? 1 : a.position - b.position));
  return ordered.map((trip) => {
    const at = `input.mileage.${trip.index}`;
    const known = car.get(trip.vehicle);
    if (known && (known.horsepower !== trip.fiscalHorsepower || known.electric !== trip.electric)) {
      throw conflictOn(
        `${trip.vehicle} was recorded as ${known.horsepower} CV${known.electric ? ", electric" : ""}: a car keeps its horsepower and energy`,
        `${at}.fiscalHorsepower`,
      );
    }
    car.set(trip.vehicle, { horsepower: trip.fiscalHorsepower, electric: trip.electric });
    const year = Number(trip.tripOn.slice(0, 4));
    const key = `${trip.vehicle}/${year}`;
    const before = km.get(key) ?? 0;
    const allowance = tripAllowance(year, trip.fiscalHorsepower, trip.electric, before, trip.distanceKm);
    km.set(key, before + trip.distanceKm);
    return {
      position: trip.position,
      tripOn: trip.tripOn,
      purpose: trip.purpose,
      vehicle: trip.vehicle,
      fiscalHorsepower: trip.fiscalHorsepower,
      electric: trip.electric,
      distanceKm: trip.distanceKm,
      scaleYear: allowance.scaleYear,
      yearKmBefore: before,
      amountCents: allowance.amountCents,
    };
  });
}

async function lockReport(manager: EntityManager, cooperativeId: string, globalId: string) {
  const id = ownLocalId(globalId, cooperativeId, "input.id");
  const report = await manager.getRepository(ExpenseReportEntity).findOne({ where: { id }, lock: { mode: "pessimistic_write" } });
  if (!report) throw notFound(`No expense report ${globalId}`, "input.id");
  return report;
}

/** Approves a submitted report (staff): it is then owed to the entrepreneur, and booked in the same transaction. */
export async function approveExpenseReport(db: DataSource, cooperativeId: string, actor: Caller, input: ApproveExpenseReportInput) {
  pastDate(input.approvedOn, "input.approvedOn");
  return db.transaction(async (manager) => {
    const report = await lockReport(manager, cooperativeId, input.id);
    if (report.status !== "SUBMITTED")
      throw conflictOn(`The expense report is ${report.status}: only a submitted one is approved`, "input.id");
    const [{ last }]: { last: string | null }[] = await manager.query(
      `SELECT to_char(greatest((SELECT max(spent_on) FROM expense_report_lines WHERE report_id = $1),
                               (SELECT max(trip_on) FROM mileage_trips WHERE report_id = $1)), 'YYYY-MM-DD') AS last`,
      [report.id],
    );
    if (last && input.approvedOn < last)
      throw badUserInput(`input.approvedOn is before the report's last expense or trip (${last})`, "input.approvedOn");
    const account = await requireAccount(manager, cooperativeId, encodeId(cooperativeId, report.accountId), "input.id");
    await requireActiveActivity(manager, cooperativeId, account, "input.id", "booking");
    // It counts in the activity's expenses on its approval date (statement, gross-margin basis): a
    // month whose contribution is recorded keeps its figures, so staff approve it on an open day.
    await assertMonthOpen(manager, report.accountId, input.approvedOn, "input.approvedOn");
    await manager
      .getRepository(ExpenseReportEntity)
      .update({ id: report.id }, { status: "APPROVED", approvedOn: input.approvedOn, updatedAt: new Date() });
    await postSources(manager, { only: { EXPENSE_REPORT: [report.id] } });
    await recordAudit(manager, actor, {
      action: "approveExpenseReport",
      entityType: "ExpenseReport",
      entityId: input.id,
      details: { ...input },
    });
    return manager.getRepository(ExpenseReportEntity).findOneByOrFail({ id: report.id });
  });
}

/**
 * Rejects a submitted report (staff), with a reason; the entrepreneur submits a corrected one for
 * the month. Its trips leave the year's distance: refused while a later report of the person holds
 * trips of the same car in the same year, whose bands counted them (reject that one first).
 */
export async function rejectExpenseReport(db: DataSource, cooperativeId: string, actor: Caller, input: RejectExpenseReportInput) {
  const reason = requiredText(input.reason, "input.reason", 500);
  return db.transaction(async (manager) => {
    const report = await lockReport(manager, cooperativeId, input.id);
    if (report.status !== "SUBMITTED")
      throw conflictOn(`The expense report is ${report.status}: only a submitted one is rejected`, "input.id");
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`mileage:${report.personId}`]);
    const later: { month: string }[] = await manager.query(
      `SELECT DISTINCT r.month FROM expense_reports r JOIN mileage_trips t ON t.report_id = r.id
        WHERE r.person_id = $1 AND r.seq > $2 AND r.status <> 'REJECTED'
          AND EXISTS (SELECT 1 FROM mileage_trips mine WHERE mine.report_id = $3 AND mine.vehicle = t.vehicle
                        AND extract(year FROM mine.trip_on) = extract(year FROM t.trip_on))`,
      [report.personId, report.seq, report.id],
    );
    if (later.length > 0) {
      throw conflictOn(
        `A later report (${later.map((row) => row.month).join(", ")}) counted this one's km in its mileage bands: reject it first`,
        "input.id",
      );
    }
    await manager
      .getRepository(ExpenseReportEntity)
      .update({ id: report.id }, { status: "REJECTED", rejectionReason: reason, updatedAt: new Date() });
    await recordAudit(manager, actor, {
      action: "rejectExpenseReport",
      entityType: "ExpenseReport",
      entityId: input.id,
      details: { ...input },
    });
    return manager.getRepository(ExpenseReportEntity).findOneByOrFail({ id: report.id });
  });
}
