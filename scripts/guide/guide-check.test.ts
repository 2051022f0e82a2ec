import { describe, expect, it } from "vitest";
import type { Database } from "@/lib/kernel/db";
import { callApi, useDatabase } from "@/test/support/api-client";
import { testDatabases } from "@/test/support/databases";
import { createTestPlatform } from "@/test/support/fixtures";
import { useTestProvider } from "@/test/support/stripe-env";
import { GuideCheckFailure, type GuideResponse } from "./expect";
import { checkGuide, type GuideContext, type GuideStep, type Transport } from "./run-guide";
import { GUIDE_STEPS } from "./steps";

/** The route handlers in-process, the way the CLI reaches a server over HTTP. */
const inProcess: Transport = async ({ method, path, headers, body }) => {
  const res = await callApi(method, path, { headers, raw: body });
  return { status: res.status, location: res.headers.get("location"), text: res.text, json: res.json };
};

/** Every leaf of a JSON value changed: strings prefixed, numbers moved, booleans flipped, nulls made strings. */
function tampered(value: unknown): unknown {
  if (typeof value === "string") return `x${value}`;
  if (typeof value === "number") return value + 7;
  if (typeof value === "boolean") return !value;
  if (value === null) return "x";
  if (Array.isArray(value)) return value.map(tampered);
  return Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, tampered(v)]));
}

const MUTATIONS: Record<string, (res: GuideResponse) => GuideResponse> = {
  "another status": (res) => ({ ...res, status: res.status + 1 }),
  "other content": (res) => {
    const json = res.json === null ? null : tampered(res.json);
    return { ...res, json, text: json === null ? `x${res.text}` : JSON.stringify(json), location: res.location === null ? null : `x${res.location}` };
  },
};

describe.each(testDatabases())("Credyt's integration guide, every call in order, on $name", (target) => {
  it("works as written on a fresh platform, and each step's check fails on any other answer", async () => {
    const database: Database = await target.open();
    try {
      useDatabase(database);
      useTestProvider();
      const platform = await createTestPlatform(database.db);
      const seen: { step: GuideStep; res: GuideResponse; ctx: GuideContext }[] = [];
      const { steps } = await checkGuide(inProcess, platform.testKey, { observe: (step, res, ctx) => seen.push({ step, res, ctx: structuredClone(ctx) }) });
      expect(steps).toBe(GUIDE_STEPS.length);
      expect(seen.map((s) => s.step.name)).toEqual(GUIDE_STEPS.map((s) => s.name));
      // Replays each check, with the context it had, against a changed answer: none may pass.
      const passed: string[] = [];
      seen.forEach(({ step, res }, i) => {
        for (const [mutation, mutate] of Object.entries(MUTATIONS)) {
          const before: GuideContext = structuredClone(i === 0 ? { ids: {}, sent: {} } : seen[i - 1]!.ctx);
          before.sent[step.name] = seen[i]!.ctx.sent[step.name];
          try {
            step.check(mutate(res), before);
            passed.push(`${step.name} with ${mutation}`);
          } catch (error) {
            expect(error, `${step.name} with ${mutation}`).toBeInstanceOf(GuideCheckFailure);
          }
        }
      });
      expect(passed).toEqual([]);
    } finally {
      await database.close();
    }
  });

  it("refuses a platform that is not empty, before the guide's first call", async () => {
    const database: Database = await target.open();
    try {
      useDatabase(database);
      const platform = await createTestPlatform(database.db);
      const asset = { code: "CREDIT", name: "Credits", precision: 0 };
      expect((await callApi("POST", "/api/v1/assets", { key: platform.testKey, body: asset })).status).toBe(201);
      await expect(checkGuide(inProcess, platform.testKey)).rejects.toThrow(/Step 1 \(Before the guide: the platform has no custom assets/);
    } finally {
      await database.close();
    }
  });
});
