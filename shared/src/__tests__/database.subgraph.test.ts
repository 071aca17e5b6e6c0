import { createTestDatabase, databaseBackends, type TestDatabase } from "@cae/tools/testing";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { MigrationInterface, QueryRunner } from "typeorm";
import { openDatabase, writeEmbeddedTemplate, type Database } from "../database";

class CreateLedger1700000000000 implements MigrationInterface {
  async up(runner: QueryRunner) {
    await runner.query("CREATE TABLE ledger (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), amount_cents bigint NOT NULL)");
  }
  async down(runner: QueryRunner) {
    await runner.query("DROP TABLE ledger");
  }
}
const options = { entities: [], migrations: [CreateLedger1700000000000] };

describe.each(databaseBackends())("the database layer on %s PostgreSQL", (backend) => {
  let testDatabase: TestDatabase;
  let database: Database;

  beforeAll(async () => {
    testDatabase = await createTestDatabase(backend);
    database = await openDatabase(testDatabase.config, options);
  });
  afterAll(async () => {
    await database?.close();
    await testDatabase?.drop();
  });

  it("runs the migrations at start, once", async () => {
    const applied = await database.dataSource.query("SELECT name FROM migrations");
    expect(applied).toEqual([{ name: "CreateLedger1700000000000" }]);
    expect(await database.dataSource.showMigrations()).toBe(false);
  });

  it("keeps 50 concurrent transactions apart and sums bigint cents exactly", async () => {
    const amount = 2_147_483_647n; // the largest 32-bit Int, 50 times over
    await Promise.all(
      Array.from({ length: 50 }, () =>
        database.dataSource.transaction(async (manager) => {
          await manager.query("INSERT INTO ledger (amount_cents) VALUES ($1)", [amount.toString()]);
          await manager.query("INSERT INTO ledger (amount_cents) VALUES ($1)", [(-1n).toString()]);
        }),
      ),
    );
    const [{ total, rows }] = await database.dataSource.query("SELECT sum(amount_cents)::text AS total, count(*)::int AS rows FROM ledger");
    expect(rows).toBe(100);
    expect(BigInt(total)).toBe(50n * (amount - 1n));
  });

  it("rolls a failed transaction back whole", async () => {
    const before = await database.dataSource.query("SELECT count(*)::int AS n FROM ledger");
    await expect(
      database.dataSource.transaction(async (manager) => {
        await manager.query("INSERT INTO ledger (amount_cents) VALUES (1)");
        await manager.query("INSERT INTO ledger (amount_cents) VALUES (NULL)");
      }),
    ).rejects.toThrow(/null value/);
    expect(await database.dataSource.query("SELECT count(*)::int AS n FROM ledger")).toEqual(before);
  });

  it("counts the statements it sends", async () => {
    const before = database.statementCount;
    await database.dataSource.query("SELECT 1");
    expect(database.statementCount - before).toBe(1);
  });
});

describe("embedded PostgreSQL on disk", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "cae-db-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("keeps its data across a restart", async () => {
    const first = await openDatabase({ kind: "embedded", dataDir }, options);
    await first.dataSource.query("INSERT INTO ledger (amount_cents) VALUES (4200)");
    await first.close();

    const second = await openDatabase({ kind: "embedded", dataDir }, options);
    try {
      expect(await second.dataSource.query("SELECT amount_cents::text AS cents FROM ledger")).toEqual([{ cents: "4200" }]);
      expect(await second.dataSource.query("SELECT count(*)::int AS n FROM migrations")).toEqual([{ n: 1 }]);
    } finally {
      await second.close();
    }
  });
});

describe("embedded PostgreSQL from a template", () => {
  const dir = mkdtempSync(join(tmpdir(), "cae-template-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("starts a new data directory from the dump of an empty cluster, then keeps its own data", async () => {
    const template = join(dir, "template.tar");
    await writeEmbeddedTemplate(template);
    const dataDir = join(dir, "data");
    const first = await openDatabase({ kind: "embedded", dataDir, template }, options);
    await first.dataSource.query("INSERT INTO ledger (amount_cents) VALUES (1)");
    await first.close();
    // Reopened with the template still given: the existing data wins, nothing is reset.
    const second = await openDatabase({ kind: "embedded", dataDir, template }, options);
    try {
      expect(await second.dataSource.query("SELECT count(*)::int AS n FROM ledger")).toEqual([{ n: 1 }]);
    } finally {
      await second.close();
    }
  });

  it("starts an in-memory database from a snapshot, with its rows, and a buffer cache of 16 MB", async () => {
    const snapshot = join(dir, "snapshot.tar");
    // An empty cluster's dump to start from (initdb would cost seconds).
    const source = await openDatabase((await createTestDatabase("embedded")).config, options);
    try {
      await source.dataSource.query("INSERT INTO ledger (amount_cents) VALUES (12345), (678)");
      await source.snapshot(snapshot);
    } finally {
      await source.close();
    }
    const copy = await openDatabase({ kind: "memory", template: snapshot }, options);
    try {
      expect(await copy.dataSource.query("SELECT sum(amount_cents)::int AS total FROM ledger")).toEqual([{ total: 13023 }]);
      expect(await copy.dataSource.query("SHOW shared_buffers")).toEqual([{ shared_buffers: "16MB" }]);
    } finally {
      await copy.close();
    }
  });
});

describe("createTestDatabase", () => {
  const saved = process.env.TEST_DATABASE_URL;
  afterEach(() => (process.env.TEST_DATABASE_URL = saved));

  it("refuses a server database whose name does not say test", async () => {
    process.env.TEST_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/postgres";
    await expect(createTestDatabase("server")).rejects.toThrow(/must name a test database/);
  });
});
