import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chooseDataDir, DEFAULT_DATA_DIR, recordRunningNetwork, runningNetworks, type RunningNetwork } from "../running";

/** Which development key `npm run token` signs with: the network's it is for. */

const network = (pid: number, dataDir: string): RunningNetwork => ({ pid, dataDir, gateway: "http://127.0.0.1:4000" });

describe("the data directory npm run token signs for", () => {
  it("is the one named, --data-dir before DATA_DIR", () => {
    expect(chooseDataDir({ option: "a", env: "b" }, [])).toEqual({ dataDir: resolve("a"), reason: "--data-dir" });
    expect(chooseDataDir({ env: "b" }, [])).toEqual({ dataDir: resolve("b"), reason: "DATA_DIR" });
  });

  it("is the running npm start's when none is named", () => {
    expect(chooseDataDir({}, [network(42, "/srv/demo")])).toEqual({
      dataDir: "/srv/demo",
      reason: "the DATA_DIR of the running npm start, pid 42",
    });
  });

  it("is npm start's own default when no network runs and none is named", () => {
    expect(chooseDataDir({ env: "" }, [])).toEqual({ dataDir: DEFAULT_DATA_DIR, reason: "npm start's default; no npm start runs" });
    expect(DEFAULT_DATA_DIR).toBe(resolve(__dirname, "..", "..", "..", "..", ".data"));
  });

  it("warns when the one named is no running network's", () => {
    expect(chooseDataDir({ env: "/srv/other" }, [network(42, "/srv/demo")]).warning).toBe(
      "No running npm start uses it (pid 42: DATA_DIR=/srv/demo): their services will refuse this token.",
    );
    expect(chooseDataDir({ env: "/srv/demo" }, [network(42, "/srv/demo")]).warning).toBeUndefined();
  });

  it("must be named when networks on different directories run", () => {
    expect(() => chooseDataDir({}, [network(42, "/srv/a"), network(43, "/srv/b")])).toThrow(
      /Several networks run[\s\S]*pid 42: DATA_DIR=\/srv\/a[\s\S]*pid 43: DATA_DIR=\/srv\/b[\s\S]*DATA_DIR=<dir> or --data-dir <dir>/,
    );
  });
});

describe("the record of a running network", () => {
  it("is read while its launcher runs, and forgotten once it is gone", () => {
    const dir = mkdtempSync(join(tmpdir(), "cae-running-"));
    try {
      // This process stands for a launcher that runs; a process ID past the kernel's largest for one that died.
      const remove = recordRunningNetwork(network(process.ppid, "/srv/demo"), dir);
      writeFileSync(join(dir, "4194305.json"), JSON.stringify(network(4194305, "/srv/gone")));
      expect(runningNetworks(dir)).toEqual([network(process.ppid, "/srv/demo")]);
      expect(readdirSync(dir)).toEqual([`${process.ppid}.json`]);
      remove();
      expect(runningNetworks(dir)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
