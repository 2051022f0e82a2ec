import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, signIn, test } from "../fixtures";
import { payOnTestCheckout, ready } from "../payments-helpers";

const monthly = (name: string, code: string, usd: number) => ({
  name,
  code,
  publish: true,
  prices: [{ name: `${name} fee`, type: "fixed", billing_model: { type: "recurring", recurring: { interval: "month" } }, pricing: [{ asset: "USD", values: [{ unit_price: usd }] }] }],
});

/** A webhook receiver on this machine, collecting every body it is sent. */
async function receiver(): Promise<{ server: Server; url: string; bodies: unknown[] }> {
  const bodies: unknown[] = [];
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

test.describe("[PLANS] a customer takes, switches and cancels a plan from the portal", () => {
  test("subscribe through checkout, switch shows the plan's name, cancel summarises, confirms and tells the platform why", async ({ page, api }) => {
    const hooks = await receiver();
    try {
      await api.post("/webhooks", { url: hooks.url, topics: ["subscription.*"] });
      const suffix = Date.now().toString(36);
      await api.post("/products", monthly("Glitch Pro", `glitch_pro_${suffix}`, 20));
      await api.post("/products", monthly("Glitch Pro Annual", `glitch_pro_annual_${suffix}`, 30));
      const customer = await api.post("/customers", { name: "Nina New" });

      await signIn(page, api, customer.id, "/plan");
      await ready(page);
      await expect(page.getByText("You have no plan yet.")).toBeVisible();
      await expect(page.getByText("A new plan starts at your next renewal")).toHaveCount(0);
      await page.getByRole("button", { name: "Choose Glitch Pro", exact: true }).click();
      await payOnTestCheckout(page, "4242 4242 4242 4242");
      await expect(page).toHaveURL(/\/plan\?subscribed=1$/);
      const current = page.getByTestId("current-plan");
      await expect(current.getByRole("heading", { name: "Glitch Pro" })).toBeVisible();
      await expect(current.getByTestId("plan-status")).toHaveText("Active");

      await ready(page);
      await page.getByRole("button", { name: "Switch to Glitch Pro Annual" }).click();
      await expect(current.getByTestId("plan-next")).toContainText("your plan changes to Glitch Pro Annual.");
      await expect(current).not.toContainText("glitch_pro_annual");

      await page.getByRole("button", { name: "Cancel plan…" }).click();
      const dialog = page.getByRole("dialog", { name: "Cancel Glitch Pro?" });
      await expect(dialog.getByTestId("cancel-summary")).toContainText("You keep Glitch Pro until");
      await expect(dialog.getByTestId("cancel-summary")).toContainText("Your switch to Glitch Pro Annual will not happen.");
      // Closing the dialog changes nothing.
      await dialog.getByRole("button", { name: "Keep my plan" }).click();
      await expect(dialog).toBeHidden();
      expect((await api.get(`/customers/${customer.id}/subscriptions`)).items[0]).toMatchObject({ cancel_at_period_end: false });

      await page.getByRole("button", { name: "Cancel plan…" }).click();
      await dialog.getByLabel("Why are you cancelling? (optional)").fill("Too expensive for me right now");
      await dialog.getByRole("button", { name: "Cancel plan" }).click();
      await expect(dialog).toBeHidden();
      await expect(current.getByTestId("plan-next")).toContainText("will not renew");
      await expect(current).not.toContainText("changes to");
      expect((await api.get(`/customers/${customer.id}/subscriptions`)).items[0]).toMatchObject({ status: "active", cancel_at_period_end: true });

      await expect
        .poll(() => hooks.bodies.find((b) => (b as { type: string }).type === "subscription.cancel_scheduled"), { timeout: 30_000 })
        .toMatchObject({ data: { customer_id: customer.id, reason: "Too expensive for me right now" } });
    } finally {
      hooks.server.close();
    }
  });
});
