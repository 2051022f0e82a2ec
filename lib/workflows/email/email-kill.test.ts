import { spawn } from "node:child_process";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { emailMessages } from "@/lib/kernel/db/schema";
import { openDatabase } from "@/lib/kernel/db/open";
import type { Database } from "@/lib/kernel/db";
import { useDatabase } from "@/test/support/api-client";
import { adjust, paymentsWorld } from "@/test/support/payments-fixtures";
import { SmtpCapture } from "@/test/support/smtp-capture";
import { workerDatabaseUrl } from "@/test/support/worker-database";
import { sendEmailMessage } from "./send";

const base = process.env.TEST_DATABASE_URL;
const smtp = new SmtpCapture();

// Two processes share the database, so only Postgres: PGlite lives inside one process.
describe.runIf(base)("a sender killed with SIGKILL in the middle of sending, on postgres", () => {
  const url = base ? workerDatabaseUrl(base, inject("postgresRun"), process.env.VITEST_POOL_ID) : "";
  let database: Database;
  beforeAll(async () => {
    await smtp.use();
    database = await openDatabase({ url, migrate: false });
    useDatabase(database);
  });
  afterAll(async () => {
    await smtp.stop();
    await database.close();
  });

  it("the message the server never acknowledged is sent once when the job runs again", async () => {
    const w = await paymentsWorld(database);
    await adjust(w, "USD", "10");
    await adjust(w, "USD", "-15");
    const message = async () => (await database.db.select().from(emailMessages).where(and(eq(emailMessages.customerId, w.customerId), eq(emailMessages.kind, "low_balance"))))[0]!;
    const { id } = await message();

    smtp.stall = true;
    const child = spawn(process.execPath, ["--import", "tsx", "test/support/email-sender-child.ts", url, id], { env: { ...process.env }, stdio: "ignore" });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_code, signal) => resolve(signal)));
    // Killed once the server holds the whole message and the sender waits for its answer.
    await expect.poll(() => smtp.stalledMessages, { timeout: 60_000 }).toBe(1);
    expect((await message()).status).toBe("sending");
    child.kill("SIGKILL");
    expect(await exited).toBe("SIGKILL");
    smtp.stall = false;

    await sendEmailMessage(database.db, id);
    await sendEmailMessage(database.db, id);
    const received = smtp.received.filter((m) => m.text?.includes(w.platform.name));
    expect(received.map((m) => m.messageId)).toEqual([`<${id}@billfold.localhost>`]);
    expect((await message()).status).toBe("sent");
  });
});
