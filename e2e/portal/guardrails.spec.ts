import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { usagePrice } from "@/lib/domain/catalog/usage-price";
import { expect, signIn, test, type ApiClient } from "../fixtures";
import { ready } from "../payments-helpers";

const SHOTS = process.env.E2E_SHOTS_DIR ?? "test-results/shots";

/** A webhook receiver on this machine, collecting every body it is sent. */
async function receiver(): Promise<{ server: Server; url: string; bodies: { type: string; data: Record<string, unknown> }[] }> {
  const bodies: { type: string; data: Record<string, unknown> }[] = [];
  const server = createServer((req, res) => {
    let text = "";
    req.on("data", (chunk) => (text += chunk));
    req.on("end", () => {
      bodies.push(JSON.parse(text));
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, bodies };
}

/** A customer with $100 and a $2.50-per-video price. */
async function videoCustomer(api: ApiClient): Promise<string> {
  const price = usagePrice("Video", "video_generated", { usage_type: "unit" }, [{ asset: "USD", values: [{ unit_price: 2.5 }] }]);
  await api.post("/products", { name: "Video Studio", code: "video", prices: [price], publish: true }, 201);
  const customer = await api.post("/customers", { name: "Grace Hopper", subscriptions: [{ products: [{ code: "video" }] }] }, 201);
  await api.post(`/customers/${customer.id}/wallet/adjustments`, { transaction_id: `fund-${customer.id}`, asset: "USD", amount: 100, reason: "gift" }, 201);
  return customer.id as string;
}

const videos = (n: number, extra: Record<string, unknown> = {}) =>
  Array.from({ length: n }, () => ({ id: `vid-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`, event_type: "video_generated", ...extra }));

for (const width of [390, 1440]) {
  test.describe(`[GUARDRAILS] ${width} px`, () => {
    test.use({ viewport: { width, height: 900 }, isMobile: width < 1024, hasTouch: width < 1024 });

    test("a monthly budget with a hard stop: banner and webhook at 80 %, work in flight listed, beyond the limit refused", async ({ page, api }) => {
      const hooks = await receiver();
      try {
        await api.post("/webhooks", { url: hooks.url, topics: ["budget.*"] });
        const customerId = await videoCustomer(api);
        await signIn(page, api, customerId);
        await page.goto("/budget");
        await ready(page);
        await page.getByLabel("Limit (USD)").fill("12.50");
        await page.getByLabel("Period").selectOption("month");
        await page.getByLabel("Alert at (% of limit)").fill("50, 80, 100");
        await page.getByRole("checkbox", { name: /Hard stop/ }).check();
        await page.getByRole("button", { name: "Save budget" }).click();
        await expect(page.getByText("Saved.")).toBeVisible();
        await expect(page.getByTestId("budget-meter-default:USD")).toContainText("of $12.50 monthly budget (0%) · hard stop");

        // Four videos: $10.00 of $12.50, 80 %.
        const spent = await api.post("/events", { customer_id: customerId, events: videos(4) });
        expect(spent.items.map((i: { status: string }) => i.status)).toEqual(["billed", "billed", "billed", "billed"]);
        await page.goto("/");
        await expect(page.getByTestId("budget-banner")).toContainText("80% of your budget used");
        await expect(page.getByTestId("budget-banner")).toContainText("$10.00");
        await expect.poll(() => hooks.bodies.filter((b) => b.type === "budget.threshold_reached").map((b) => b.data.threshold).sort(), { timeout: 30_000 }).toEqual([50, 80]);
        expect(hooks.bodies.find((b) => b.data.threshold === 80)!.data).toMatchObject({ customer_id: customerId, account_id: "default:USD", limit: 12.5, spent: 10, hard_stop: true });

        // A hold for the last $2.50 of the budget is work in flight, with its subject.
        const expires = new Date(Date.now() + 3_600_000).toISOString();
        const hold = await api.post(`/customers/${customerId}/wallet/holds`, { asset: "USD", amount: 2.5, subject: "Render the launch trailer", expires_at: expires }, 201);
        await page.reload();
        await expect(page.getByTestId("holds-list")).toContainText("Render the launch trailer");
        await page.screenshot({ path: `${SHOTS}/guardrails-overview-${width}.png`, fullPage: true });
        await page.goto("/budget");
        await expect(page.getByTestId("holds-list")).toContainText("Render the launch trailer");
        await page.screenshot({ path: `${SHOTS}/guardrails-budget-${width}.png`, fullPage: true });

        // Beyond the limit: the next hold is refused and an event debits nothing.
        const refused = await page.request.post(`/api/v1/customers/${customerId}/wallet/holds`, { headers: { authorization: `Bearer ${api.key}` }, data: { asset: "USD", amount: 1, expires_at: expires } });
        expect(refused.status()).toBe(409);
        expect((await refused.json()).code).toBe("budget_exceeded");
        const over = await api.post("/events", { customer_id: customerId, events: videos(1) });
        expect(over.items[0]).toMatchObject({ status: "rejected", reason_code: "budget_exceeded" });
        expect(await api.get(`/customers/${customerId}/wallet/default:USD`)).toMatchObject({ available: 87.5, pending_out: 2.5 });

        // The usage event that settles the hold takes the last $2.50; the hold leaves the list.
        const settled = await api.post("/events", { customer_id: customerId, events: videos(1, { hold_id: hold.id }) });
        expect(settled.items[0].status).toBe("billed");
        await page.reload();
        await expect(page.getByTestId("no-holds")).toBeVisible();
        await expect(page.getByTestId("budget-banner")).toContainText("Budget reached");
        await expect(page.getByTestId("budget-banner")).toContainText("New usage is paused");
        expect(await api.get(`/customers/${customerId}/wallet/default:USD`)).toMatchObject({ available: 87.5, pending_out: 0 });
      } finally {
        hooks.server.close();
      }
    });
  });
}
