import { execFileSync } from "node:child_process";
import type { Page } from "@playwright/test";
import { expect, signIn, test } from "../fixtures";
import { payOnTestCheckout, ready } from "../payments-helpers";

const SETTINGS = {
  seller: {
    legal_name: "Acme AI GmbH",
    address: { line1: "Hauptstraße 1", city: "Berlin", postal_code: "10115", country: "DE" },
    tax_id: { type: "eu_vat", value: "DE136695976" },
    support_email: "billing@acme.example",
  },
  invoices: { number_prefix: "ACME-", footer: "Registered in Berlin, HRB 123456.", require_billing_details: true },
  tax: { behavior: "exclusive", rates: [{ country: "FR", percent: 20, name: "TVA" }] },
};

/** The page fits the viewport: nothing scrolls sideways. */
async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

async function shoot(page: Page, name: string, width: number) {
  await page.setViewportSize({ width, height: 900 });
  await expectNoSidewaysScroll(page);
  await page.screenshot({ path: test.info().outputPath(`${name}-${width}.png`), fullPage: true });
}

test.describe("[INVOICES] billing details, tax and invoices in the portal", () => {
  test("a customer enters billing details with an EU VAT ID, tops up with VAT on top, and downloads the invoice from Orders", async ({ page, api }) => {
    await api.put("/platform/settings", SETTINGS);
    const customer = await api.post("/customers", { name: "Marie Dupont", email: "marie@dupont.example" });
    await signIn(page, api, customer.id, "/top-up");
    // The platform requires billing details: the top-up page sends the customer to enter them first.
    await expect(page).toHaveURL(/\/billing-details\?next=\/top-up$/);
    await ready(page);
    await page.getByLabel("Company").fill("Dupont SARL");
    await page.getByLabel("Address", { exact: true }).fill("12 rue de Rivoli");
    await page.getByLabel("Postal code").fill("75001");
    await page.getByLabel("City").fill("Paris");
    await page.getByLabel("Country").selectOption("FR");
    await page.getByLabel("Tax ID type").selectOption("eu_vat");
    await page.getByLabel("Tax ID", { exact: true }).fill("FR 403 032 650 46");
    await shoot(page, "billing-details", 390);
    await shoot(page, "billing-details", 1440);
    await page.getByRole("button", { name: "Save and continue" }).click();
    await expect(page.getByTestId("billing-details-result")).toHaveText("Not a valid eu_vat number.");
    await page.getByLabel("Tax ID", { exact: true }).fill("FR 403 032 650 45");
    await page.getByRole("button", { name: "Save and continue" }).click();
    await expect(page).toHaveURL(/\/top-up$/);
    const saved = await api.get(`/customers/${customer.id}`);
    expect(saved.billing_details).toMatchObject({ company: "Dupont SARL", address: { country: "FR" }, tax_id: { type: "eu_vat", value: "FR40303265045" } });

    await ready(page);
    await page.getByRole("button", { name: "$50.00" }).click();
    await page.getByRole("button", { name: "Pay $50.00" }).click();
    // 20 % French VAT from the platform's rate table, on top of the price.
    await expect(page.getByRole("button", { name: "Pay $60.00" })).toBeVisible();
    await payOnTestCheckout(page, "4242 4242 4242 4242");
    await expect(page.getByTestId("top-up-message")).toHaveText("Payment received: $50.00 added to your balance.");

    await page.goto("/orders");
    const row = page.getByTestId("invoice-ACME-TEST-000001");
    await expect(row).toContainText("$60.00");
    await shoot(page, "orders", 390);
    await shoot(page, "orders", 1440);
    const download = page.waitForEvent("download");
    await row.getByRole("link", { name: "PDF of ACME-TEST-000001" }).click();
    const file = await (await download).path();
    const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    for (const part of ["Number: ACME-TEST-000001", "Tax ID: DE136695976", "Dupont SARL", "Tax ID: FR40303265045", "Wallet top-up (USD) 1 $50.00", "TVA 20 % $10.00", "Total $60.00"]) {
      expect(text).toContain(part);
    }

    await row.getByRole("link", { name: "View ACME-TEST-000001" }).click();
    await expect(page.getByTestId("invoice-document")).toContainText("Total$60.00");
    await shoot(page, "invoice", 390);
    await shoot(page, "invoice", 1440);
  });
});
