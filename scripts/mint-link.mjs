// npm run mint-link -- [customer_id] [--key key_…] [--url http://localhost:3000]
// Mints a portal sign-in link through the running server's API (defaults: the demo platform).
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { runningServer } from "./running-server.mjs";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { key: { type: "string" }, url: { type: "string" }, "return-url": { type: "string" } },
});
const base = values.url ?? runningServer()?.url ?? process.env.PORTAL_URL ?? `http://localhost:${process.env.PORT ?? "3000"}`;
let demo = { apiKey: undefined, customers: [] };
try {
  demo = JSON.parse(readFileSync(path.resolve(process.env.BILLFOLD_DATA_DIR ?? ".data", "demo.json"), "utf8"));
} catch {
  // no demo credentials: --key and a customer id are required
}
const apiKey = values.key ?? demo.apiKey;
const customerId = positionals[0] ?? demo.customers[0]?.id;
if (!apiKey || !customerId) {
  process.stderr.write("Usage: npm run mint-link -- <customer_id> --key <api key> [--url <portal url>]\n");
  process.exit(2);
}
const returnUrl = values["return-url"] ?? `${base}/signed-out`;
const res = await fetch(`${base}/api/v1/billing-portal/sessions`, {
  method: "POST",
  headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
  body: JSON.stringify({ customer_id: customerId, return_url: returnUrl, failure_url: returnUrl }),
}).catch((error) => {
  process.stderr.write(`Could not reach Billfold at ${base} (${error.message}). Is \`npm start\` running?\n`);
  process.exit(1);
});
const body = await res.json().catch(() => ({}));
if (!res.ok) {
  process.stderr.write(`Failed (${res.status}): ${JSON.stringify(body)}\n`);
  process.exit(1);
}
process.stdout.write(`${body.redirect_url}\n`);
