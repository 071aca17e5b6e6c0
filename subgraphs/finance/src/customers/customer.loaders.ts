import { In, type DataSource } from "typeorm";
import { loaderByKey, loaderOfLists } from "@cae/shared";
import { CustomerEntity } from "./customer.entity";

/** Customers by ID and under each activity account: one statement for every key of a request. */
export function createCustomerLoaders(db: DataSource) {
  return {
    customerById: loaderByKey(
      (keys: readonly string[]) => db.getRepository(CustomerEntity).findBy({ id: In([...keys]) }),
      (row) => row.id,
    ),
    customersByAccount: loaderOfLists(
      (keys: readonly string[]) =>
        db.getRepository(CustomerEntity).find({ where: { accountId: In([...keys]) }, order: { name: "ASC", id: "ASC" } }),
      (row) => row.accountId,
    ),
  };
}
