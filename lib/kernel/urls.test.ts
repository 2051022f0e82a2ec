import { describe, expect, it } from "vitest";
import { redirectUrlProblem } from "./urls";

const ALLOWED = ["https://good.com", "http://localhost:3000"];

describe("redirect URLs (open-redirect fuzz)", () => {
  it.each([
    "//evil.com",
    "//evil.com/path",
    "/\\evil.com",
    "\\\\evil.com",
    "https://evil.com@good.com",
    "https://good.com@evil.com",
    "https://user:pass@good.com/",
    "https://good.com.evil.com",
    "https://evil.com/?next=https://good.com",
    "https://evil-good.com",
    "https://good.co",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "javascript://good.com/%0Aalert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "ftp://good.com/file",
    "https:%2F%2Fevil.com",
    "%2F%2Fevil.com",
    "https://good.com%2F@evil.com",
    "https://gооd.com",
    "https://ɡood.com",
    "https://good.com\t.evil.com",
    "https://good.com\n",
    " https://good.com",
    "https://good.com:8443",
    "http://good.com",
    "https://evil.com#https://good.com",
    `https://good.com/${"a".repeat(3000)}`,
    "relative/path",
    "/local/path",
    "",
  ])("refuses %j", (url) => {
    expect(redirectUrlProblem(url, ALLOWED)).not.toBeNull();
  });

  it.each(["https://good.com", "https://good.com/account?tab=billing#top", "HTTPS://GOOD.COM/x", "https://good.com:443/x", "http://localhost:3000/done"])(
    "accepts %j",
    (url) => {
      expect(redirectUrlProblem(url, ALLOWED)).toBeNull();
    },
  );

  it("without an allow-list still refuses every non-http(s) or malformed URL", () => {
    for (const url of ["javascript:alert(1)", "data:,x", "//evil.com", "/\\evil.com", "https://a@b.com"]) {
      expect(redirectUrlProblem(url, [])).not.toBeNull();
    }
    expect(redirectUrlProblem("https://any.example.com/back", [])).toBeNull();
  });
});
