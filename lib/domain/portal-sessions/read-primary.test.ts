import { describe, expect, it } from "vitest";
import { READ_PRIMARY_COOKIE, wantsPrimary, withReadPrimary } from "./read-primary";

describe("read-your-writes marker", () => {
  it("is set on a successful change only", () => {
    const ok = withReadPrimary(Response.json({ ok: true }));
    expect(ok.headers.getSetCookie()).toEqual([`${READ_PRIMARY_COOKIE}=1; Path=/; HttpOnly; SameSite=Lax; Max-Age=120`]);
    expect(withReadPrimary(Response.json({}, { status: 422 })).headers.getSetCookie()).toEqual([]);
  });

  it("is recognised among other cookies, and nothing else counts", () => {
    expect(wantsPrimary(`billfold_session=abc; ${READ_PRIMARY_COOKIE}=1`)).toBe(true);
    expect(wantsPrimary(`${READ_PRIMARY_COOKIE}=0; billfold_session=abc`)).toBe(false);
    expect(wantsPrimary(null)).toBe(false);
  });
});
