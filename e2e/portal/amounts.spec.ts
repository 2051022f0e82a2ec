import { usagePrice } from "@/lib/domain/catalog/usage-price";
import { expect, signIn, test } from "../fixtures";
import { ready } from "../payments-helpers";

test.describe("[AMOUNTS] one formatting rule on every page", () => {
  test("a usage fee reads the same in its row, its details and its transaction; a sub-cent debit is never $0.00 and always signed", async ({ page, api }) => {
    await api.post("/products", { name: "Tiny Task", code: `tiny_${Date.now().toString(36)}`, prices: [usagePrice("Tiny", "tiny_done", { usage_type: "unit" }, [{ asset: "USD", values: [{ unit_price: 0.0269682 }] }])], publish: true }, 201);
    const products = await api.get("/products");
    const code = products.items.find((p: { name: string }) => p.name === "Tiny Task").code as string;
    const customer = await api.post("/customers", { name: "Axel Amounts", subscriptions: [{ products: [{ code }] }] });
    await api.post(`/customers/${customer.id}/wallet/adjustments`, { transaction_id: `f-${customer.id}`, asset: "USD", amount: 10, reason: "gift" }, 201);
    await api.post(`/customers/${customer.id}/wallet/adjustments`, { transaction_id: `s-${customer.id}`, asset: "USD", amount: -0.0045, reason: "adjustment", description: "Storage" }, 201);
    await api.post("/events", { customer_id: customer.id, events: [{ id: `${customer.id}-t1`, event_type: "tiny_done", subject: "tiny_1", occurred_at: new Date(Date.now() - 60_000).toISOString() }] });

    await signIn(page, api, customer.id, "/usage");
    await ready(page);
    const row = page.locator(`tr[data-event-id="${customer.id}-t1"]`);
    await expect(row).toContainText("$0.03");
    await row.getByRole("button").click();
    const details = page.locator(`[id="${await row.getByRole("button").getAttribute("aria-controls")}"]`);
    await expect(details).toContainText("$0.0269682 per event = $0.03");

    await page.goto("/transactions");
    const table = page.getByTestId("transactions-table");
    await expect(table.locator("tbody tr").filter({ hasText: "Storage" })).toContainText("-$0.0045");
    await expect(table.locator("tbody tr").filter({ hasNotText: "Storage" }).filter({ hasText: "-$" })).toContainText("-$0.03");
    await expect(table).not.toContainText(/\$0\.00(?!\d)/);
  });
});
