import { describe, expect, it } from "vitest";
import { Coalescer, type FlushOutcome } from "./coalescer";

interface Gate {
  open: () => void;
  wait: Promise<void>;
}

function gate(): Gate {
  let open = () => undefined as void;
  const wait = new Promise<void>((resolve) => (open = resolve));
  return { open, wait };
}

describe("Coalescer", () => {
  it("flushes a lone item at once and groups what arrives while flushes are busy", async () => {
    const flushes: number[][] = [];
    const gates: Gate[] = [];
    const coalescer = new Coalescer<number, number>(
      async (items): Promise<FlushOutcome<number>> => {
        flushes.push(items);
        const g = gate();
        gates.push(g);
        await g.wait;
        return { results: items.map((value) => ({ ok: true, value: value * 10 })) };
      },
      { maxConcurrent: 1, maxWeight: 3, weight: () => 1 },
    );
    const first = coalescer.submit("k", 1);
    const rest = [2, 3, 4, 5, 6].map((n) => coalescer.submit("k", n));
    expect(flushes).toEqual([[1]]);
    gates[0]!.open();
    await expect(first).resolves.toBe(10);
    await Promise.resolve();
    expect(flushes).toEqual([[1], [2, 3, 4]]);
    gates[1]!.open();
    await Promise.all(rest.slice(0, 3));
    gates[2]!.open();
    await expect(Promise.all(rest)).resolves.toEqual([20, 30, 40, 50, 60]);
    expect(flushes).toEqual([[1], [2, 3, 4], [5, 6]]);
  });

  it("keeps keys apart and reports each item's own error", async () => {
    const coalescer = new Coalescer<string, string>(
      async (items) => ({ results: items.map((v) => (v.startsWith("bad") ? { ok: false, error: new Error(v) } : { ok: true, value: v.toUpperCase() })) }),
      { maxConcurrent: 2, maxWeight: 10, weight: () => 1 },
    );
    const results = await Promise.allSettled([coalescer.submit("a", "x"), coalescer.submit("b", "bad-y"), coalescer.submit("a", "z")]);
    expect(results.map((r) => (r.status === "fulfilled" ? r.value : (r.reason as Error).message))).toEqual(["X", "bad-y", "Z"]);
  });

  it("retries a failed group item by item, so one bad item fails alone", async () => {
    const calls: string[][] = [];
    const block = gate();
    const coalescer = new Coalescer<string, string>(
      async (items) => {
        calls.push(items);
        if (items[0] === "slow") await block.wait;
        if (items.length > 1 && items.includes("poison")) throw new Error("group failed");
        if (items[0] === "poison") throw new Error("poison");
        return { results: items.map((value) => ({ ok: true, value })) };
      },
      { maxConcurrent: 1, maxWeight: 10, weight: () => 1 },
    );
    const slow = coalescer.submit("k", "slow");
    const grouped = [coalescer.submit("k", "a"), coalescer.submit("k", "poison"), coalescer.submit("k", "b")];
    block.open();
    await slow;
    const settled = await Promise.allSettled(grouped);
    expect(settled.map((r) => (r.status === "fulfilled" ? r.value : (r.reason as Error).message))).toEqual(["a", "poison", "b"]);
    expect(calls).toEqual([["slow"], ["a", "poison", "b"], ["a"], ["poison"], ["b"]]);
  });

  it("frees the flush slot before the after hook and answers callers once it has run", async () => {
    const order: string[] = [];
    const hook = gate();
    const coalescer = new Coalescer<string, string>(
      async (items) => {
        order.push(`flush ${items.join(",")}`);
        return { results: items.map((value) => ({ ok: true, value })), after: items[0] === "a" ? () => hook.wait.then(() => void order.push("after a")) : undefined };
      },
      { maxConcurrent: 1, maxWeight: 10, weight: () => 1 },
    );
    const a = coalescer.submit("k", "a").then((v) => order.push(`done ${v}`));
    await Promise.resolve();
    await Promise.resolve();
    const b = coalescer.submit("k", "b").then((v) => order.push(`done ${v}`));
    await b;
    expect(order).toEqual(["flush a", "flush b", "done b"]);
    hook.open();
    await a;
    expect(order).toEqual(["flush a", "flush b", "done b", "after a", "done a"]);
  });
});
