import { encodeId } from "@cae/shared";
import type { CustomerEntity } from "./customer.entity";
import type { Customer } from "./customer.type";
import { isEuBusiness } from "../invoices/vat-rules";

export function toCustomer(entity: CustomerEntity, cooperativeId: string): Customer {
  return {
    id: encodeId(cooperativeId, entity.id),
    name: entity.name,
    kind: entity.kind,
    siret: entity.siret,
    address: entity.address,
    email: entity.email,
    siren: entity.siren,
    vatNumber: entity.vatNumber,
    country: entity.country,
    euBusiness: isEuBusiness(entity),
    accountId: entity.accountId,
  };
}
