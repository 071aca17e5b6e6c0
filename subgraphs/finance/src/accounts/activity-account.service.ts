import { encodeId, ownLocalId, pastDate, requiredText, type Caller, recordAudit } from "@cae/shared";
import type { DataSource } from "typeorm";
import { formatRate, parseRate } from "../money/arithmetic";
import { requireAccount } from "./account-access";
import { ActivityAccountEntity } from "./activity-account.entity";
import type { OpenActivityAccountInput, SetAccountContributionRateInput } from "./activity-account.type";

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
    // Analytic codes are sequential: the lock makes concurrent openings take distinct numbers.
    await manager.query("LOCK TABLE activity_accounts IN SHARE ROW EXCLUSIVE MODE");
    const [{ last }] = (await manager.query(
      "SELECT coalesce(max(substring(analytic_code FROM 5)::integer), 0) AS last FROM activity_accounts",
    )) as { last: number }[];
    const analyticCode = `ACT-${String(Number(last) + 1).padStart(4, "0")}`;
    const accounts = manager.getRepository(ActivityAccountEntity);
    const account = await accounts.save(accounts.create({ personId, label, sector: input.sector, openedOn: input.openedOn, analyticCode }));
    await recordAudit(manager, actor, {
      action: "openActivityAccount",
      entityType: "ActivityAccount",
      entityId: encodeId(cooperativeId, account.id),
      details: { ...input, analyticCode },
    });
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
