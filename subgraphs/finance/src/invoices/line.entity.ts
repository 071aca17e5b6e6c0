import { Column, PrimaryGeneratedColumn } from "typeorm";
import { centsColumn } from "@cae/shared";
import type { Supply } from "../books/sales-vat";
import type { VatRate } from "../money/arithmetic";
import type { VatExemptionGround } from "./vat-rules";

/** The columns every line table has (invoices, quotes, credit notes): each table is its own. */
export abstract class LineColumns {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ type: "integer" })
  position: number;

  @Column({ type: "text" })
  description: string;

  /** numeric(15,3), as the exact string PostgreSQL gives. */
  @Column({ type: "numeric" })
  quantity: string;

  @Column({ name: "unit_price_cents", type: "bigint", transformer: centsColumn })
  unitPriceCents: bigint;

  @Column({ name: "vat_rate", type: "text" })
  vatRate: VatRate;

  @Column({ name: "net_cents", type: "bigint", transformer: centsColumn })
  netCents: bigint;

  @Column({ type: "text" })
  supply: Supply;

  /** Why an EXEMPT line is exempt; null on other lines, and on exempt lines that print the settings' default mention. */
  @Column({ name: "vat_exemption", type: "text", nullable: true })
  vatExemption: VatExemptionGround | null;
}
