import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, signIn, test } from "../fixtures";
import { ready } from "../payments-helpers";
import { seedUsageCustomer } from "../portal-data";
import type { ApiClient } from "../fixtures";

const SHOTS = process.env.E2E_SHOTS_DIR ?? "test-results/shots";
const SECRET = "member-jo@secret.example";

/**
 * The usage customer plus three events that carry an API key (and a member, which the platform
 * does not make visible). USD spent: $98 in all — by model gpt-4 $90, mistral $3, not set $5;
 * by API key not set $64.50, prod-server $32.50, notebook $1.
 */
async function seedLanes(api: ApiClient) {
  await api.put("/platform/settings", { spend_lanes: [{ dimension: "model", label: "Model" }, { dimension: "api_key", label: "API key" }] });
  const seeded = await seedUsageCustomer(api);
  const at = new Date(Date.now() - 5 * 60_000).toISOString();
  const id = seeded.customerId;
  await api.post("/events", {
    customer_id: id,
    events: [
      { id: `${id}-k1`, event_type: "message_completed", occurred_at: at, subject: "chat_k1", data: { model: "gpt-4", total_tokens: 1000, api_key: "prod-server", member: SECRET } },
      { id: `${id}-k2`, event_type: "message_completed", occurred_at: at, subject: "chat_k2", data: { model: "mistral", total_tokens: 1000, api_key: "notebook", member: SECRET } },
      { id: `${id}-k3`, event_type: "video_generated", occurred_at: at, subject: "video_k3", data: { api_key: "prod-server", member: SECRET } },
    ],
  });
  return seeded;
}

/** Each lane value's row in the totals table, as "value amount". */
async function totals(page: Page): Promise<string[]> {
  const table = page.getByTestId("lane-totals");
  await expect(table).toBeVisible();
  return table.locator("tbody tr").evaluateAll((rows) => rows.map((r) => `${r.querySelector("th")!.textContent!.trim()} ${r.querySelector("[data-testid=lane-total]")!.textContent!.trim()}`));
}

/** Screenshots in both themes to look at, with no sideways scroll and no axe violations in either. */
async function shoot(page: Page, name: string, width: number) {
  await ready(page);
  const { scroll, inner } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
  expect(scroll, "no sideways scroll").toBeLessThanOrEqual(inner);
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `${SHOTS}/${name}-${width}-${scheme}.png`, fullPage: true });
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map((v) => `${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`)).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: "light" });
}

for (const width of [390, 1440]) {
  test.describe(`[SPEND LANES] ${width} px`, () => {
    test.use({ viewport: { width, height: 900 }, isMobile: width < 1024, hasTouch: width < 1024 });

    test("spending breaks down by model and by API key, filters by a key, and totals match", async ({ page, api }) => {
      const seeded = await seedLanes(api);
      await signIn(page, api, seeded.customerId, "/spend");
      const breakDown = page.getByRole("navigation", { name: "Break down by" });
      await breakDown.getByRole("link", { name: "Model" }).click();
      await expect(page).toHaveURL(/[?&]by=model/);
      expect(await totals(page)).toEqual(["gpt-4 $90.00", "Not set $5.00", "mistral $3.00"]);
      await expect(page.getByTestId("lane-grand-total")).toHaveText("$98.00");
      await expect(page.getByTestId("lane-spend-USD").getByTestId("spend-total")).toHaveText("$98.00");
      await expect(page.getByRole("img", { name: /spent per day over the last 30 days by Model: \$98\.00 in total/ })).toBeVisible();

      await breakDown.getByRole("link", { name: "API key" }).click();
      await expect(page).toHaveURL(/[?&]by=api_key/);
      expect(await totals(page)).toEqual(["Not set $64.50", "prod-server $32.50", "notebook $1.00"]);
      await page.getByRole("link", { name: "Only prod-server" }).click();
      await expect(page).toHaveURL(/lane=api_key&lane_value=prod-server/);
      await expect(page.getByTestId("lane-filter")).toContainText("API key: prod-server");
      expect(await totals(page)).toEqual(["prod-server $32.50"]);

      await breakDown.getByRole("link", { name: "Model" }).click();
      await expect(page).toHaveURL(/by=model.*lane=api_key&lane_value=prod-server/);
      expect(await totals(page)).toEqual(["gpt-4 $30.00", "Not set $2.50"]);
      await expect(page.getByTestId("lane-grand-total")).toHaveText("$32.50");
      await expect(page.locator("body")).not.toContainText(SECRET);
      await shoot(page, "spend-lanes", width);

      await page.getByRole("link", { name: /Remove the filter/ }).click();
      await expect(page.getByTestId("lane-filter")).toHaveCount(0);
      await expect(page.getByTestId("lane-grand-total")).toHaveText("$98.00");
    });

    test("usage breaks down and filters by a lane, and the CSV has a column per visible lane", async ({ page, api }) => {
      const seeded = await seedLanes(api);
      await signIn(page, api, seeded.customerId, "/usage");
      await ready(page);
      await page.getByLabel("Break down by").selectOption("api_key");
      await expect(page).toHaveURL(/[?&]by=api_key/);
      const usd = page.getByTestId("lane-spend-USD");
      await expect(usd.getByTestId("lane-grand-total")).toHaveText("$98.00");
      await usd.getByRole("link", { name: "Only notebook" }).click();
      await expect(page).toHaveURL(/lane=api_key&lane_value=notebook/);
      const rows = page.getByTestId("usage-table").locator("tbody tr[data-event-id]");
      await expect(rows).toHaveCount(1);
      await expect(rows.first()).toContainText("chat_k2");
      await rows.first().getByRole("button").click();
      await expect(page.getByTestId("usage-lanes")).toHaveText("Model: mistral · API key: notebook");
      await expect(usd.getByTestId("lane-grand-total")).toHaveText("$1.00");
      await shoot(page, "usage-lanes", width);

      const exportHref = await page.getByTestId("usage-export-csv").getAttribute("href");
      expect(exportHref).toContain("lane_value=notebook");
      const filtered = await (await page.request.get(exportHref!)).text();
      const [header, ...lines] = filtered.trim().split("\r\n");
      expect(header).toBe("date,event_id,product,subject,description,asset,amount,model,api_key");
      expect(lines).toEqual([expect.stringMatching(new RegExp(`,${seeded.customerId}-k2,Multi-Model Chat,chat_k2,,USD,1,mistral,notebook$`))]);
      const all = await (await page.request.get("/api/portal/usage/export")).text();
      expect(all.trim().split("\r\n")).toHaveLength(1 + 7);
      expect(all).toContain(",USD,30,gpt-4,prod-server");
      expect(all).not.toContain(SECRET);
    });
  });
}
