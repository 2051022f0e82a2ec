import { afterAll, afterEach, beforeAll } from "vitest";
import { resetClock } from "@/lib/kernel/clock";
import type { Database } from "@/lib/kernel/db";
import { disarmFaults } from "@/lib/kernel/faults";
import { registerAutoTopUp } from "@/lib/domain/payments/auto-top-up/listener";
import { useDatabase } from "./api-client";
import type { TestDatabase } from "./databases";
import { useStripeStub, useTestProvider } from "./stripe-env";
import { StripeStub } from "@/test/support/stripe-stub/stripe-stub";

export interface StripeSuite {
  readonly database: Database;
  readonly stub: StripeStub;
}

/**
 * Per test file: opens the database, starts a Stripe stub on an ephemeral port and points the real
 * SDK at it, registers auto top-up; afterwards resets the clock and faults and tears it all down.
 */
export function stripeSuite(target: TestDatabase): StripeSuite {
  const stub = new StripeStub();
  let database: Database | undefined;
  beforeAll(async () => {
    database = await target.open();
    useDatabase(database);
    await stub.start();
    useStripeStub(stub);
    registerAutoTopUp();
  });
  afterEach(() => {
    disarmFaults();
    resetClock();
  });
  afterAll(async () => {
    await stub.stop();
    useTestProvider();
    await database?.close();
  });
  return {
    get database() {
      return database!;
    },
    stub,
  };
}

/**
 * Per test file, for suites that pay through the built-in test provider: opens the database, points
 * payments at the provider (and registers auto top-up when asked); afterwards resets the clock and
 * faults and closes the database.
 */
export function testProviderSuite(target: TestDatabase, options: { autoTopUp?: boolean } = {}): { readonly database: Database } {
  let database: Database | undefined;
  beforeAll(async () => {
    database = await target.open();
    useDatabase(database);
    useTestProvider();
    if (options.autoTopUp) registerAutoTopUp();
  });
  afterEach(() => {
    disarmFaults();
    resetClock();
  });
  afterAll(() => database?.close());
  return {
    get database() {
      return database!;
    },
  };
}
