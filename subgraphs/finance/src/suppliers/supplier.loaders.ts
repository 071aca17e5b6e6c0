import { In, type DataSource } from "typeorm";
import { loaderByKey } from "@cae/shared";
import { SupplierEntity } from "./supplier.entity";

/** Suppliers by ID: one statement for every supplier of a request's invoices. */
export function createSupplierLoaders(db: DataSource) {
  return {
    supplierById: loaderByKey(
      (ids: readonly string[]) => db.getRepository(SupplierEntity).findBy({ id: In([...ids]) }),
      (row) => row.id,
    ),
  };
}
