import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The daily corrections (docs/finance.md, "Corrections"): a payment is cancelled by a reversing
 * entry, never deleted; a late expense or reversal dated in a closed month is booked in the next
 * open one; an activity account closes.
 */
export class Corrections1766100000000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE activity_accounts ADD COLUMN closed_on date CHECK (closed_on >= opened_on)`);
    // Null: booked on its own date. Else the first day of a later month: where an adjustment is booked.
    const bookedAfter = (date: string) => `CHECK (booked_on > ${date} AND extract(day FROM booked_on) = 1)`;
    await runner.query(`
      ALTER TABLE payments
        ADD COLUMN reversal_of uuid UNIQUE REFERENCES payments (id),
        ADD COLUMN reason text,
        ADD COLUMN booked_on date ${bookedAfter("received_on")},
        DROP CONSTRAINT payments_amount_cents_check,
        ADD CONSTRAINT payments_amount_sign CHECK (CASE WHEN reversal_of IS NULL THEN amount_cents > 0 ELSE amount_cents < 0 END),
        ADD CONSTRAINT payments_reversal_reason CHECK ((reversal_of IS NULL) = (reason IS NULL))`);
    await runner.query(`ALTER TABLE expenses ADD COLUMN booked_on date ${bookedAfter("spent_on")}`);
    await runner.query(`CREATE INDEX expenses_booked_idx ON expenses (account_id, (coalesce(booked_on, spent_on)))`);
    // A payment is never deleted nor its figures changed: the database refuses it too, whatever the code does.
    await runner.query(`
      CREATE FUNCTION refuse_payment_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'a payment is never deleted: it is cancelled by a reversing entry'; END IF;
        IF NEW.invoice_id <> OLD.invoice_id OR NEW.received_on <> OLD.received_on OR NEW.amount_cents <> OLD.amount_cents
           OR NEW.method <> OLD.method OR NEW.reversal_of IS DISTINCT FROM OLD.reversal_of OR NEW.booked_on IS DISTINCT FROM OLD.booked_on THEN
          RAISE EXCEPTION 'a payment''s figures are never changed: it is cancelled by a reversing entry';
        END IF;
        RETURN NEW;
      END $$`);
    await runner.query(
      `CREATE TRIGGER payments_append_only BEFORE UPDATE OR DELETE ON payments FOR EACH ROW EXECUTE FUNCTION refuse_payment_change()`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TRIGGER payments_append_only ON payments`);
    await runner.query(`DROP FUNCTION refuse_payment_change()`);
    await runner.query(`DROP INDEX expenses_booked_idx`);
    await runner.query(`ALTER TABLE expenses DROP COLUMN booked_on`);
    await runner.query(`DELETE FROM payments WHERE reversal_of IS NOT NULL`);
    await runner.query(`
      ALTER TABLE payments
        DROP CONSTRAINT payments_reversal_reason,
        DROP CONSTRAINT payments_amount_sign,
        DROP COLUMN booked_on,
        DROP COLUMN reason,
        DROP COLUMN reversal_of,
        ADD CONSTRAINT payments_amount_cents_check CHECK (amount_cents > 0)`);
    await runner.query(`ALTER TABLE activity_accounts DROP COLUMN closed_on`);
  }
}
