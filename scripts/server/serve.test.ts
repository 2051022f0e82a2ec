import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { serverScript } from "./server-script.mjs";

describe("the production server", () => {
  it("exits non-zero with a clear message when its port is taken, before starting anything", async () => {
    const squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen(0, "127.0.0.1", resolve));
    const { port } = squatter.address() as AddressInfo;
    const dataDir = path.join(os.tmpdir(), `billfold-never-opened-${process.pid}-${port}`);
    try {
      const child = spawn(process.execPath, [serverScript, "-p", String(port), "-H", "127.0.0.1"], {
        env: { ...process.env, NODE_ENV: "production", BILLFOLD_JOBS: "on", BILLFOLD_DATA_DIR: dataDir },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
      child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
      const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
      expect(code).toBe(1);
      expect(stderr).toContain(`Billfold could not listen on 127.0.0.1 port ${port}: the port is already in use (EADDRINUSE)`);
      expect(stdout).toBe("");
      // Neither the database nor the job runner was started.
      expect(existsSync(dataDir)).toBe(false);
    } finally {
      await new Promise<void>((resolve) => squatter.close(() => resolve()));
    }
  });
});
