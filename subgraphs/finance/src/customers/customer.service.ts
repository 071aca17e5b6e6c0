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
  isValidSiren,
} from "@cae/shared";
import type { DataSource, EntityManager } from "typeorm";
import { assertMayDraftFor, requireAccount, requireActiveActivity } from "../accounts/account-access";
import { CustomerEntity } from "./customer.entity";
import type { CreateCustomerInput } from "./customer.type";
import { customerVatNumber } from "../invoices/vat-rules";

export async function createCustomer(db: DataSource, cooperativeId: string, actor: Caller, input: CreateCustomerInput) {
  const siret = optionalText(input.siret, "input.siret", 20)?.replace(/\s/g, "") ?? null;
  if (siret !== null && (input.kind !== "BUSINESS" || !isValidSiret(siret))) {
    throw badUserInput(`"${input.siret}" is not a valid SIRET of a business customer`, "input.siret");
  }
  const country = (input.country ?? "FR").trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(country))
    throw badUserInput(`"${input.country}" is not an ISO 3166-1 alpha-2 country code ("FR", "DE")`, "input.country");
  let siren = optionalText(input.siren, "input.siren", 20)?.replace(/\s/g, "") ?? null;
  if (siren !== null && (input.kind !== "BUSINESS" || country !== "FR" || !isValidSiren(siren))) {
    throw badUserInput(`"${input.siren}" is not a valid SIREN of a French business customer (9 digits with a valid key)`, "input.siren");
  }
  if (siret !== null) {
    if (siren !== null && siren !== siret.slice(0, 9))
      throw badUserInput(`the SIREN is the SIRET's first nine digits (${siret.slice(0, 9)})`, "input.siren");
    siren = siret.slice(0, 9);
  }
  const vatText = optionalText(input.vatNumber, "input.vatNumber", 20);
  if (vatText !== null && vatText !== undefined && input.kind !== "BUSINESS") {
    throw badUserInput("a VAT number is a business customer's", "input.vatNumber");
  }
  const vatNumber = vatText ? customerVatNumber(vatText, country, siren, "input.vatNumber") : null;
  const values = {
    name: requiredText(input.name, "input.name", 200),
    kind: input.kind,
    siret,
    siren,
    vatNumber,
    country,
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
