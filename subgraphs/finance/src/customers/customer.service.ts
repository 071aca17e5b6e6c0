import {
  badUserInput,
  encodeId,
  isValidSiret,
  notFound,
  optionalEmail,
  optionalText,
  ownLocalId,
  requiredText,
  type Caller,
  recordAudit,
} from "@cae/shared";
import type { DataSource, EntityManager } from "typeorm";
import { assertMayDraftFor, requireAccount, requireActiveActivity } from "../accounts/account-access";
import { CustomerEntity } from "./customer.entity";
import type { CreateCustomerInput } from "./customer.type";

export async function createCustomer(db: DataSource, cooperativeId: string, actor: Caller, input: CreateCustomerInput) {
  const siret = optionalText(input.siret, "input.siret", 20)?.replace(/\s/g, "") ?? null;
  if (siret !== null && (input.kind !== "BUSINESS" || !isValidSiret(siret))) {
    throw badUserInput(`"${input.siret}" is not a valid SIRET of a business customer`, "input.siret");
  }
  const values = {
    name: requiredText(input.name, "input.name", 200),
    kind: input.kind,
    siret,
    address: requiredText(input.address, "input.address", 500),
    email: optionalEmail(input.email, "input.email"),
  };
  return db.transaction(async (manager) => {
    const account = await requireAccount(manager, cooperativeId, input.accountId, "input.accountId");
    assertMayDraftFor(actor, cooperativeId, account);
    await requireActiveActivity(manager, cooperativeId, account, "input.accountId");
    const repository = manager.getRepository(CustomerEntity);
    const customer = await repository.save(repository.create({ ...values, accountId: account.id }));
    await recordAudit(manager, actor, {
      action: "createCustomer",
      entityType: "Customer",
      entityId: encodeId(cooperativeId, customer.id),
      details: { ...input },
    });
    return customer;
  });
}

/** A customer named by an input, which must be one of the account's. */
export async function requireCustomerOf(manager: EntityManager, cooperativeId: string, accountId: string, globalId: string, field: string) {
  const customer = await manager.getRepository(CustomerEntity).findOneBy({ id: ownLocalId(globalId, cooperativeId, field) });
  if (!customer) throw notFound(`No customer ${globalId}`);
  if (customer.accountId !== accountId) throw badUserInput(`${field} is a customer of another activity`, field);
  return customer;
}
