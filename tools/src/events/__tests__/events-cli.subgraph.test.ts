import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase, publishEvent } from "@cae/shared";
import { SUBGRAPHS } from "../../subgraphs";
import { TEMPLATE_FILE } from "../../dev/template";
import { UsageError } from "../../dev/cli";
import { run } from "../main";

describe("npm run events", () => {
  let dir: string;
  const env = () => ({ COOPERATIVE_ID: "cli-coop", DATA_DIR: dir, PGLITE_TEMPLATE: TEMPLATE_FILE });
  const open = () =>
    openDatabase({ kind: "embedded", dataDir: join(dir, "cli-coop", "members"), template: TEMPLATE_FILE }, SUBGRAPHS.members);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "cae-events-cli-"));
    const database = await open();
    await database.dataSource.transaction((manager) =>
      publishEvent(manager, "person.exited", "cli-coop:7e0bd4f2-3f55-4b8e-9d8f-4d2a3b1c0e11", {
        person: { welcomeStage: "ADMITTED", exitedOn: "2026-06-30", erased: false },
        exit: { exitedOn: "2026-06-30", employmentEndReason: null },
      }),
    );
    await database.dataSource.query(
      "UPDATE outbox_events SET parked_at = now(), attempts = 10, last_error = 'refused by the sibling' WHERE destination = 'contracts'",
    );
    await database.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("lists the parked events, sends them again to one sibling, and leaves the others' as they are", async () => {
    const lines: string[] = [];
    await run(["parked", "members"], env(), (line) => lines.push(line));
    expect(lines[0]).toBe("1 parked event(s) in cli-coop/members");
    expect(lines[1]).toMatch(/to contracts {2}person\.exited {2}cli-coop:7e0bd4f2-.* \(10 attempts\): refused by the sibling/);

    await run(["retry", "members", "--destination", "finance"], env(), (line) => lines.push(line));
    expect(lines.at(-1)).toBe("0 parked event(s) of cli-coop/members will be sent again to finance");
    await run(["retry", "members"], env(), (line) => lines.push(line));
    expect(lines.at(-1)).toBe("1 parked event(s) of cli-coop/members will be sent again");

    const database = await open();
    try {
      expect(await database.dataSource.query("SELECT destination, attempts, parked_at FROM outbox_events ORDER BY destination")).toEqual([
        { destination: "contracts", attempts: 0, parked_at: null },
        { destination: "finance", attempts: 0, parked_at: null },
      ]);
    } finally {
      await database.close();
    }
  });

  it("refuses a command line it does not understand, saying how it is used", async () => {
    await expect(run(["parked"], env())).rejects.toThrow(UsageError);
    await expect(run(["retry", "gateway"], env())).rejects.toThrow(/<subgraph> is one of members, contracts, finance/);
    await expect(run(["retry", "members", "--destination", "members"], env())).rejects.toThrow(/--destination is a sibling of members/);
    await expect(run(["purge", "members"], env())).rejects.toThrow(UsageError);
  });
});
