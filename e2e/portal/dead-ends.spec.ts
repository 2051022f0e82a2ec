import { expect, signIn, test } from "../fixtures";
import { ready } from "../payments-helpers";

const HOME = "https://glitch.example.com/";

test.describe("[DEAD ENDS] every way out of the portal is branded and leads somewhere", () => {
  test.beforeEach(async ({ api }) => {
    await api.put("/platform/branding", { name: "Glitch AI", primary_color: "#7c3aed", home_url: HOME });
  });

  test("no session: the signed-out page carries the platform and a way back", async ({ page, api }) => {
    const customer = await api.post("/customers", { name: "Bo Bookmark" });
    await signIn(page, api, customer.id);
    // A bookmark opened later: the session is gone, the browser still knows whose billing it was.
    await page.context().clearCookies({ name: "billfold_session" });
    await page.goto("/usage");
    await expect(page).toHaveURL(/\/signed-out$/);
    await expect(page.getByRole("heading", { name: "You’re signed out" })).toBeVisible();
    await expect(page).toHaveTitle("Signed out · Glitch AI billing");
    await expect(page.getByRole("link", { name: "Back to Glitch AI" })).toHaveAttribute("href", HOME);
  });

  test("an unknown page or order is a branded page with a way on, not a bare 404", async ({ page, api }) => {
    const customer = await api.post("/customers", { name: "Nico Nowhere" });
    await signIn(page, api, customer.id);
    const res = await page.goto("/no-such-page");
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "We can’t find that page" })).toBeVisible();
    await expect(page.getByText("This page could not be found")).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Back to Glitch AI" })).toHaveAttribute("href", HOME);
    await page.getByRole("link", { name: "Go to your billing overview" }).click();
    await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();

    await page.goto("/orders/top_00000000000000000000000000");
    await expect(page.getByRole("heading", { name: "We can’t find that" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Billing sections" })).toBeVisible();
    await page.getByRole("link", { name: "See your orders" }).click();
    await expect(page).toHaveURL(/\/orders$/);
  });

  test("before the idle limit a warning offers to stay signed in; at the limit it says so", async ({ page, api }) => {
    const customer = await api.post("/customers", { name: "Ida Idle" });
    await page.clock.install();
    await signIn(page, api, customer.id);
    await ready(page);
    const warning = page.getByTestId("idle-warning");
    await expect(warning).toHaveCount(0);
    await page.clock.fastForward("28:30");
    await expect(warning).toContainText("Still there?");
    const touched = page.waitForResponse((r) => r.url().endsWith("/api/portal/balances") && r.ok());
    await warning.getByRole("button", { name: "Stay signed in" }).click();
    await touched;
    await expect(warning).toHaveCount(0);
    await page.clock.fastForward("29:30");
    await expect(warning).toContainText("You were signed out");
    await expect(warning.getByRole("link", { name: "Back to Glitch AI" })).toBeVisible();
  });
});
