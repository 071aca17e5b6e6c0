import {
  badUserInput,
  encodeId,
  notFound,
  ownLocalId,
  pastDate,
  publishEvent,
  requireAdmittedPerson,
  requiredText,
  type Caller,
  recordAudit,
} from "@cae/shared";
import type { DataSource, EntityManager } from "typeorm";
import { conflictOn } from "../errors";
import { formatRate, parseRate } from "../money/arithmetic";
import { requireAccount } from "./account-access";
import { ActivityAccountEntity } from "./activity-account.entity";
import type { CloseActivityAccountInput, OpenActivityAccountInput, SetAccountContributionRateInput } from "./activity-account.type";

export async function openActivityAccount(
  db: DataSource,
  cooperativeId: string,
  actor: Caller,
  input: OpenActivityAccountInput,
): Promise<ActivityAccountEntity> {
  const personId = ownLocalId(input.personId, cooperativeId, "input.personId");
  const label = requiredText(input.label, "input.label", 120);
  pastDate(input.openedOn, "input.openedOn");
  return db.transaction(async (manager) => {
    // An activity is hosted for someone the cooperative admitted (what the members subgraph told, by its events).
    await requireAdmittedPerson(manager, personId, input.personId, "input.personId", "An activity account");
    // Analytic codes are sequential: the lock makes concurrent openings take distinct numbers.
    await manager.query("LOCK TABLE activity_accounts IN SHARE ROW EXCLUSIVE MODE");
    const [{ last }] = (await manager.query(
      "SELECT coalesce(max(substring(analytic_code FROM 5)::integer), 0) AS last FROM activity_accounts",
    )) as { last: number }[];
    const analyticCode = `ACT-${String(Number(last) + 1).padStart(4, "0")}`;
    const accounts = manager.getRepository(ActivityAccountEntity);
    const account = await accounts.save(accounts.create({ personId, label, sector: input.sector, openedOn: input.openedOn, analyticCode }));
    const accountId = encodeId(cooperativeId, account.id);
    await recordAudit(manager, actor, {
      action: "openActivityAccount",
      entityType: "ActivityAccount",
      entityId: accountId,
      details: { ...input, analyticCode },
    });
    // The members subgraph keeps the accounts of each person's path: told in the same transaction, or not at all.
    await publishEvent(manager, "account.opened", encodeId(cooperativeId, personId), { accountId, openedOn: input.openedOn });
    return account;
  });
}

export async function setAccountContributionRate(
  db: DataSource,
  cooperativeId: string,
  actor: Caller,
  input: SetAccountContributionRateInput,
) {
  const rate = input.rate === null || input.rate === undefined ? null : formatRate(parseRate(input.rate, "input.rate"));
  return db.transaction(async (manager) => {
    const account = await requireAccount(manager, cooperativeId, input.id, "input.id");
    await manager.getRepository(ActivityAccountEntity).update({ id: account.id }, { contributionRate: rate });
    await recordAudit(manager, actor, {
      action: "setAccountContributionRate",
      entityType: "ActivityAccount",
      entityId: input.id,
      details: { ...input },
    });
    return { ...account, contributionRate: rate };
  });
}

/** How many of one kind of unsettled document a refusal names before it says how many more there are. */
const NAMED = 5;

function listed(kind: string, refs: string[]): string {
  const more = refs.length > NAMED ? ` and ${refs.length - NAMED} more` : "";
  return `${kind} (${refs.slice(0, NAMED).join(", ")}${more})`;
}

/**
 * What still binds an account to the future: drafts (an invoice may still be issued from one),
 * pending quotes (accepting one makes a draft invoice) and issued invoices with something left
 * to pay (a payment or a credit note is still to come). Named in the refusal, so staff know what
 * to settle.
 */
async function unsettledDocuments(manager: EntityManager, cooperativeId: string, accountId: string): Promise<string[]> {
  const rows: { kind: "draft" | "quote" | "due"; ref: string }[] = await manager.query(
    `SELECT 'draft' AS kind, $2 || ':' || id AS ref, seq FROM invoices WHERE account_id = $1 AND status = 'DRAFT'
     UNION ALL SELECT 'quote', $2 || ':' || id, seq FROM quotes WHERE account_id = $1 AND status = 'PENDING'
     UNION ALL SELECT 'due', number, seq FROM invoices
       WHERE account_id = $1 AND status <> 'DRAFT' AND total_cents - credited_cents - paid_cents > 0
     ORDER BY kind, seq`,
    [accountId, cooperativeId],
  );
  const of = (kind: (typeof rows)[number]["kind"]) => rows.filter((row) => row.kind === kind).map((row) => row.ref);
  return [
    of("draft").length ? listed("draft invoices", of("draft")) : null,
    of("quote").length ? listed("pending quotes", of("quote")) : null,
    of("due").length ? listed("invoices not fully paid or credited", of("due")) : null,
  ].filter((text): text is string => text !== null);
}

/** The account's latest dated record (document, payment or expense, at the day it is booked), if any. */
async function lastRecord(manager: EntityManager, cooperativeId: string, accountId: string) {
  const [last]: { what: string; day: string }[] = await manager.query(
    `SELECT what, to_char(day, 'YYYY-MM-DD') AS day FROM (
        SELECT 'invoice ' || number AS what, issued_on AS day FROM invoices WHERE account_id = $1 AND status <> 'DRAFT'
        UNION ALL SELECT 'credit note ' || number, issued_on FROM credit_notes WHERE account_id = $1
        UNION ALL SELECT 'quote ' || $2 || ':' || id, greatest(issued_on, decided_on) FROM quotes WHERE account_id = $1
        UNION ALL SELECT CASE WHEN p.reversal_of IS NULL THEN 'payment' ELSE 'payment reversal' END || ' of invoice ' || i.number,
                         greatest(p.received_on, p.booked_on)
          FROM payments p JOIN invoices i ON i.id = p.invoice_id WHERE i.account_id = $1
        UNION ALL SELECT 'expense ' || receipt_reference, greatest(spent_on, booked_on) FROM expenses WHERE account_id = $1
      ) records ORDER BY day DESC LIMIT 1`,
    [accountId, cooperativeId],
  );
  return last ?? null;
}

/**
 * Closes an activity account once its books are settled (see unsettledDocuments); from then on
 * it takes nothing new (`requireActiveActivity`). The closing date is not in the future, nor
 * before the account opened or its last record: a closed account's books end on that day.
 */
export async function closeActivityAccount(db: DataSource, cooperativeId: string, actor: Caller, input: CloseActivityAccountInput) {
  const id = ownLocalId(input.id, cooperativeId, "input.id");
  pastDate(input.closedOn, "input.closedOn");
  const reason = requiredText(input.reason, "input.reason", 500);
  return db.transaction(async (manager) => {
    // Locked for update: the records in progress (which share-lock it) end first, and none starts until this commits.
    const account = await manager
      .getRepository(ActivityAccountEntity)
      .createQueryBuilder("account")
      .setLock("pessimistic_write")
      .where("account.id = :id", { id })
      .getOne();
    if (!account) throw notFound(`No activity account ${input.id}`, "input.id");
    if (account.closedOn !== null)
      throw conflictOn(`Activity account ${account.analyticCode} was already closed on ${account.closedOn}`, "input.id");
    if (input.closedOn < account.openedOn) {
      throw badUserInput(`An account closes on or after the day it opened (${account.openedOn})`, "input.closedOn");
    }
    const unsettled = await unsettledDocuments(manager, cooperativeId, account.id);
    if (unsettled.length > 0) {
      throw conflictOn(
        `Activity account ${account.analyticCode} still has ${unsettled.join(", ")}: settle them before closing it`,
        "input.id",
      );
    }
    const last = await lastRecord(manager, cooperativeId, account.id);
    if (last && input.closedOn < last.day) {
      throw badUserInput(`The account's last record, ${last.what}, is of ${last.day}: it closes on or after that day`, "input.closedOn");
    }
    await manager.getRepository(ActivityAccountEntity).update({ id: account.id }, { closedOn: input.closedOn });
    await recordAudit(manager, actor, {
      action: "closeActivityAccount",
      entityType: "ActivityAccount",
      entityId: input.id,
      details: { ...input, reason },
    });
    await publishEvent(manager, "account.closed", encodeId(cooperativeId, account.personId), {
      accountId: encodeId(cooperativeId, account.id),
      closedOn: input.closedOn,
    });
    return { ...account, closedOn: input.closedOn };
  });
}
