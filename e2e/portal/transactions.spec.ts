import { readFileSync } from "node:fs";
import { expect, signIn, test } from "../fixtures";

test.describe("[TRANSACTIONS]", () => {
  test("lists every movement with balance after; each filter narrows; CSV equals the table", async ({ page, api }) => {
    const customer = await api.post("/customers", { name: "Grace Hopper" });
    await api.post("/assets", { code: "CREDIT", name: "Credits", precision: 0, label: "CR", rates: [{ source: "USD", rate: 0.05 }] });
    const adjust = (id: string, asset: string, amount: number, reason: string, description: string) =>
      api.post(`/customers/${customer.id}/wallet/adjustments`, { transaction_id: `${id}-${customer.id}`, asset, amount, reason, description });
    await adjust("t1", "USD", 50, "external_topup", "Card top-up");
    await adjust("t2", "USD", -4.25, "adjustment", "Support session");
    await adjust("t3", "CREDIT", 500, "gift", "Welcome credits");
    await adjust("t4", "USD", -10, "external_refund", "Refund to card");
    await adjust("t5", "CREDIT", 250, "promotional", "Launch promo");

    await signIn(page, api, customer.id, "/transactions");
    const table = page.getByTestId("transactions-table");
    const rows = table.locator("tbody tr");
    await expect(rows).toHaveCount(5);
    await expect(rows.first()).toContainText("Launch promo");
    await expect(rows.first()).toContainText("+250 CR");
    await expect(rows.nth(1)).toContainText("Refund to card");
    await expect(rows.nth(1)).toContainText("-$10.00");
    await expect(rows.nth(1)).toContainText("$35.75");

    await page.getByLabel("Balance").selectOption("CREDIT");
    await expect(page).toHaveURL(/asset=CREDIT/);
    await expect(rows).toHaveCount(2);
    await page.getByLabel("Type").selectOption("gifts");
    await expect(rows).toHaveCount(2);
    await page.getByLabel("Balance").selectOption("");
    await page.getByLabel("Type").selectOption("refunds");
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText("Refund to card");
    await page.getByLabel("Type").selectOption("");
    const months = await page.getByLabel("Month").locator("option").allTextContents();
    expect(months.length).toBeGreaterThanOrEqual(2);
    await page.getByLabel("Month").selectOption({ index: 1 });
    await expect(rows).toHaveCount(5);

    await page.getByLabel("Type").selectOption("top_ups");
    await expect(rows).toHaveCount(1);
    await page.getByLabel("Type").selectOption("");
    await expect(rows).toHaveCount(5);
    const tableIds = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-transfer-id")));
    const download = page.waitForEvent("download");
    await page.getByTestId("export-csv").click();
    const file = readFileSync(await (await download).path(), "utf8").trim().split("\r\n");
    expect(file[0]).toBe("date,type,description,asset,account,amount,balance_after,transaction_id,reference");
    const csvIds = file.slice(1).map((line) => line.split(",")[7]);
    expect(csvIds).toEqual(tableIds);
    expect(file[1]).toContain(",CREDIT,default:CREDIT,250,750,");
  });

  test("an empty wallet explains itself", async ({ page, api }) => {
    const customer = await api.post("/customers", { name: "New Customer" });
    await signIn(page, api, customer.id, "/transactions");
    await expect(page.getByText("No transactions yet")).toBeVisible();
  });
});
