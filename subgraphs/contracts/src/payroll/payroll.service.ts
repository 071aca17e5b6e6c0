import {
  badUserInput,
  conflict,
  encodeId,
  lastDayOfMonth,
  notFound,
  ownLocalId,
  pastMonth,
  plannedDate,
  plausibleCents,
  recordAudit,
  todayInFrance,
  type Caller,
} from "@cae/shared";
import { In, type DataSource, type EntityManager } from "typeorm";
import { AmendmentEntity, ContractEntity } from "../contracts/contract.entity";
import { lastDayOf } from "../contracts/contract.rules";
import { lastDaySql, signedSql } from "../contracts/contract.sql";
import { inForceInMonth, payrollRow, type AbsenceRecord, type PayrollRow, type VariablePayRecord } from "./payroll.compute";
import type { DecideVariablePayInput, RecordAbsenceInput } from "./payroll.type";

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

function parseMonth(value: string, field: string): { first: string; last: string } {
  if (!MONTH.test(value)) throw badUserInput(`${field} must be a month "YYYY-MM", got "${value}"`, field);
  return { first: `${value}-01`, last: lastDayOfMonth(`${value}-01`) };
}

const absenceOf = (row: {
  id: string;
  contract_id: string;
  kind: AbsenceRecord["kind"];
  from_on: string;
  to_on: string;
}): AbsenceRecord => ({
  id: row.id,
  contractId: row.contract_id,
  kind: row.kind,
  from: row.from_on,
  to: row.to_on,
});

/**
 * The payroll variables of a month: every employment contract in force on some day of it, with its
 * amendments, absences and variable pay. Four statements, whatever the number of contracts.
 */
export async function payrollVariables(db: DataSource, cooperativeId: string, month: string): Promise<PayrollRow[]> {
  const { first, last } = parseMonth(month, "month");
  pastMonth(month, "month");
  // In force on some day of the month: signed, started by its last day, its own last day not before its first.
  const contracts = await db
    .getRepository(ContractEntity)
    .createQueryBuilder("contract")
    .where("contract.kind = 'EMPLOYMENT'")
    .andWhere(`${signedSql("contract")} AND contract.starts_on <= :last`, { last })
    .andWhere(`(${lastDaySql("contract")} IS NULL OR ${lastDaySql("contract")} >= :first)`, { first })
    .orderBy("contract.person_id")
    .addOrderBy("contract.starts_on")
    .getMany();
  const inForce = contracts.filter((contract) => inForceInMonth(contract, first, last));
  const ids = inForce.map((contract) => contract.id);
  if (ids.length === 0) return [];
  const amendments = await db.getRepository(AmendmentEntity).find({ where: { contractId: In(ids) }, order: { number: "ASC" } });
  const absences: AbsenceRecord[] = (
    await db.query(
      `SELECT id, contract_id, kind, to_char(from_on, 'YYYY-MM-DD') AS from_on, to_char(to_on, 'YYYY-MM-DD') AS to_on
         FROM employment_absences WHERE contract_id = ANY($1::uuid[]) AND from_on <= $3 AND to_on >= $2 ORDER BY from_on`,
      [ids, first, last],
    )
  ).map(absenceOf);
  const variablePay = new Map<string, VariablePayRecord>(
    (
      (await db.query(
        `SELECT contract_id, amount_cents::text, to_char(decided_on, 'YYYY-MM-DD') AS decided_on
           FROM variable_pay_decisions WHERE contract_id = ANY($1::uuid[]) AND month = $2`,
        [ids, first],
      )) as { contract_id: string; amount_cents: string; decided_on: string }[]
    ).map((row) => [row.contract_id, { contractId: row.contract_id, amountCents: BigInt(row.amount_cents), decidedOn: row.decided_on }]),
  );
  return inForce.map((contract) =>
    payrollRow(
      cooperativeId,
      month,
      contract,
      amendments.filter((amendment) => amendment.contractId === contract.id),
      absences.filter((absence) => absence.contractId === contract.id),
      variablePay.get(contract.id) ?? null,
    ),
  );
}

/** The signed employment contract an input names, its row locked until the transaction ends (absences of a contract are recorded one at a time). */
async function lockEmployment(manager: EntityManager, cooperativeId: string, contractId: string): Promise<ContractEntity> {
  const localId = ownLocalId(contractId, cooperativeId, "input.contractId");
  const contract = await manager
    .getRepository(ContractEntity)
    .createQueryBuilder("contract")
    .setLock("pessimistic_write")
    .where("contract.id = :id", { id: localId })
    .getOne();
  if (!contract) throw notFound(`No contract ${contractId} in this cooperative`, "input.contractId");
  if (contract.kind !== "EMPLOYMENT")
    throw badUserInput(`Payroll is for employment contracts (CESA); this is ${contract.kind}`, "input.contractId");
  if (contract.state !== "SIGNED" && contract.state !== "ENDED") {
    throw conflict(`The contract is ${contract.state}: payroll is for a signed employment contract`, "input.contractId");
  }
  return contract;
}

/** Records an absence within a signed employment contract; one absence of the contract at a time on a day (CONFLICT otherwise). */
export async function recordAbsence(
  db: DataSource,
  cooperativeId: string,
  actor: Caller,
  input: RecordAbsenceInput,
  today = todayInFrance(),
) {
  // Known ahead (planned leave) or after the fact (sick leave): a planned date either way.
  plannedDate(input.from, "input.from", today);
  plannedDate(input.to, "input.to", today);
  if (input.to < input.from) throw badUserInput(`The absence ends (${input.to}) before it starts (${input.from})`, "input.to");
  return db.transaction(async (manager) => {
    const contract = await lockEmployment(manager, cooperativeId, input.contractId);
    if (input.from < contract.startsOn) {
      throw badUserInput(`The absence starts before the contract's first day (${contract.startsOn})`, "input.from");
    }
    const last = lastDayOf(contract);
    if (last !== null && input.to > last) throw badUserInput(`The absence ends after the contract's last day (${last})`, "input.to");
    const [overlap]: { kind: string; from_on: string; to_on: string }[] = await manager.query(
      `SELECT kind, to_char(from_on, 'YYYY-MM-DD') AS from_on, to_char(to_on, 'YYYY-MM-DD') AS to_on FROM employment_absences
        WHERE contract_id = $1 AND from_on <= $3 AND to_on >= $2 ORDER BY from_on LIMIT 1`,
      [contract.id, input.from, input.to],
    );
    if (overlap) {
      throw conflict(
        `An absence (${overlap.kind}, ${overlap.from_on} to ${overlap.to_on}) is already recorded on these days`,
        "input.from",
      );
    }
    const [row] = await manager.query(
      `INSERT INTO employment_absences (contract_id, kind, from_on, to_on) VALUES ($1, $2, $3, $4)
       RETURNING id, contract_id, kind, to_char(from_on, 'YYYY-MM-DD') AS from_on, to_char(to_on, 'YYYY-MM-DD') AS to_on`,
      [contract.id, input.kind, input.from, input.to],
    );
    await recordAudit(manager, actor, {
      action: "recordAbsence",
      entityType: "Contract",
      entityId: encodeId(cooperativeId, contract.id),
      details: { ...input, absenceId: encodeId(cooperativeId, row.id) },
    });
    return { absence: absenceOf(row), contract };
  });
}

/** Decides (or decides again) the variable part of pay of a month in which the contract is in force. */
export async function decideVariablePay(
  db: DataSource,
  cooperativeId: string,
  actor: Caller,
  input: DecideVariablePayInput,
  today = todayInFrance(),
) {
  const { first, last } = parseMonth(input.month, "input.month");
  pastMonth(input.month, "input.month", today);
  plausibleCents(input.amountCents, "input.amountCents");
  return db.transaction(async (manager) => {
    const contract = await lockEmployment(manager, cooperativeId, input.contractId);
    if (!inForceInMonth(contract, first, last)) {
      throw badUserInput(
        `The contract is not in force in ${input.month} (from ${contract.startsOn} to ${lastDayOf(contract) ?? "open-ended"})`,
        "input.month",
      );
    }
    const [before]: { amount_cents: string }[] = await manager.query(
      "SELECT amount_cents::text FROM variable_pay_decisions WHERE contract_id = $1 AND month = $2",
      [contract.id, first],
    );
    const [row]: { id: string; amount_cents: string; decided_on: string }[] = await manager.query(
      `INSERT INTO variable_pay_decisions (contract_id, month, amount_cents, decided_on) VALUES ($1, $2, $3, $4)
       ON CONFLICT (contract_id, month) DO UPDATE SET amount_cents = EXCLUDED.amount_cents, decided_on = EXCLUDED.decided_on, updated_at = now()
       RETURNING id, amount_cents::text, to_char(decided_on, 'YYYY-MM-DD') AS decided_on`,
      [contract.id, first, input.amountCents.toString(), today],
    );
    await recordAudit(manager, actor, {
      action: "decideVariablePay",
      entityType: "Contract",
      entityId: encodeId(cooperativeId, contract.id),
      details: { ...input, previousAmountCents: before?.amount_cents ?? null },
    });
    return { id: row.id, month: input.month, amountCents: BigInt(row.amount_cents), decidedOn: row.decided_on, contract };
  });
}
