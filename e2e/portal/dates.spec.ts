import { expect, signIn, test } from "../fixtures";
import { seedUsageCustomer } from "../portal-data";

/** 1 when two instants fall on different UTC days (the customer's timezone in these specs), else 0. */
const daysApart = (a: number, b: number) => Number(new Date(a).toISOString().slice(0, 10) !== new Date(b).toISOString().slice(0, 10));

test.describe("[DATES] transactions and usage tell one story, and every date says which it is", () => {
  test("usage reported late says when it was used on Transactions; weekly labels over 12 months carry the year", async ({ page, api }) => {
    const before = Date.now();
    const seeded = await seedUsageCustomer(api);
    // "Trailer render" is used 20 minutes before it is posted: the same day, unless midnight (UTC) fell in between.
    const trailerNotes = daysApart(before - 20 * 60_000, Date.now());
    // Used 40 days ago, reported now: posted today, used in an earlier month.
    const usedAt = new Date(Date.now() - 40 * 86_400_000);
    await api.post("/events", {
      customer_id: seeded.customerId,
      events: [{ id: `${seeded.customerId}-late`, event_type: "video_generated", occurred_at: usedAt.toISOString(), subject: "late_render", description: "Late render" }],
    });
    const usedText = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" }).format(usedAt);

    await signIn(page, api, seeded.customerId, "/usage");
    await expect(page.getByRole("columnheader", { name: "Used at" })).toBeVisible();
    await expect(page.locator(`tr[data-event-id="${seeded.customerId}-late"]`)).toContainText(usedText);

    await page.goto("/transactions");
    await expect(page.getByRole("columnheader", { name: "Posted" })).toBeVisible();
    const late = page.getByTestId("transactions-table").locator("tbody tr").filter({ hasText: "Late render" });
    await expect(late.getByTestId("used-on")).toHaveText(`Used on ${usedText}, posted when it was reported`);
    await expect(page.getByTestId("transactions-table").locator("tbody tr").filter({ hasText: "Trailer render" }).getByTestId("used-on")).toHaveCount(trailerNotes);

    await page.goto("/spend?range=12m&bucket=week");
    await page.getByText("View as a table").first().click();
    const firstWeek = page.getByRole("region", { name: /per week/ }).first().locator("tbody th").first();
    await expect(firstWeek).toHaveText(/^Week of \w{3} \d{1,2}, \d{4}$/);
  });
});
