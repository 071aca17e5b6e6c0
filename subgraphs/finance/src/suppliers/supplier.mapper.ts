import { encodeId } from "@cae/shared";
import type { SupplierEntity } from "./supplier.entity";
import type { Supplier } from "./supplier.type";

export function toSupplier(entity: SupplierEntity, cooperativeId: string): Supplier {
  return {
    id: encodeId(cooperativeId, entity.id),
    code: entity.code,
    name: entity.name,
    siret: entity.siret,
    vatNumber: entity.vatNumber,
    address: entity.address,
    iban: entity.iban,
    bic: entity.bic,
  };
}
