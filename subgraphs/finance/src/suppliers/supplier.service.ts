import {
  conflict,
  encodeId,
  notFound,
  optionalText,
  ownLocalId,
  recordAudit,
  requiredText,
  requireOwnCooperative,
  type Caller,
} from "@cae/shared";
import type { DataSource, EntityManager } from "typeorm";
import { optionalBic, optionalSiretOrSiren, optionalVatNumber, sepaIban } from "./bank-details";
import { SupplierEntity } from "./supplier.entity";
import type { CreateSupplierInput, UpdateSupplierInput } from "./supplier.type";

function supplierValues(input: CreateSupplierInput | UpdateSupplierInput) {
  return {
    name: requiredText(input.name, "input.name", 200),
    siret: optionalSiretOrSiren(input.siret, "input.siret"),
    vatNumber: optionalVatNumber(input.vatNumber, "input.vatNumber"),
    address: optionalText(input.address, "input.address", 500),
    iban: sepaIban(input.iban, "input.iban"),
    bic: optionalBic(input.bic, "input.bic"),
  };
}

async function requireFreeSiret(manager: EntityManager, siret: string | null, exceptId: string | null) {
  if (siret === null) return;
  const other = await manager.getRepository(SupplierEntity).findOneBy({ siret });
  if (other && other.id !== exceptId) throw conflict(`Supplier ${other.code} (${other.name}) has this SIRET already`, "input.siret");
}

/** Records a supplier (staff): its bank details are checked now, not by the bank when the transfer goes. */
export async function createSupplier(db: DataSource, cooperativeId: string, actor: Caller, input: CreateSupplierInput) {
  requireOwnCooperative(input.cooperativeId, cooperativeId);
  const values = supplierValues(input);
  return db.transaction(async (manager) => {
    await requireFreeSiret(manager, values.siret, null);
    const repository = manager.getRepository(SupplierEntity);
    const { id } = await repository.save(repository.create(values));
    const supplier = await repository.findOneByOrFail({ id });
    await recordAudit(manager, actor, {
      action: "createSupplier",
      entityType: "Supplier",
      entityId: encodeId(cooperativeId, id),
      details: { ...input },
    });
    return supplier;
  });
}

/**
 * Changes a supplier's record. Transfers already prepared keep the IBAN they were prepared with
 * (it is copied onto each transfer); the change, a classic of invoice fraud, is in the audit trail
 * with who made it.
 */
export async function updateSupplier(db: DataSource, cooperativeId: string, actor: Caller, input: UpdateSupplierInput) {
  const id = ownLocalId(input.id, cooperativeId, "input.id");
  const values = supplierValues(input);
  return db.transaction(async (manager) => {
    const repository = manager.getRepository(SupplierEntity);
    const before = await repository.findOne({ where: { id }, lock: { mode: "pessimistic_write" } });
    if (!before) throw notFound(`No supplier ${input.id}`, "input.id");
    await requireFreeSiret(manager, values.siret, id);
    await repository.update({ id }, { ...values, updatedAt: new Date() });
    await recordAudit(manager, actor, {
      action: "updateSupplier",
      entityType: "Supplier",
      entityId: input.id,
      details: { ...input, previousIban: before.iban },
    });
    return repository.findOneByOrFail({ id });
  });
}
