// npm run guide:check -- --url http://localhost:3000 --key key_test_…
// Follows every API call of Credyt's integration guide against a running Billfold, on an empty platform
// (npm start prints one's key), and checks each documented outcome. Exits 1 at the first difference.
import { parseArgs } from "node:util";
import { runningServer } from "../running-server.mjs";
import { GuideStepFailure, checkGuide, type Transport } from "./run-guide";

const { values } = parseArgs({ options: { url: { type: "string" }, key: { type: "string" } } });
const base = (values.url ?? runningServer()?.url ?? process.env.PORTAL_URL ?? `http://localhost:${process.env.PORT ?? "3000"}`).replace(/\/$/, "");
if (!values.key) {
  process.stderr.write("Usage: npm run guide:check -- --url http://localhost:3000 --key <test key of an empty platform>\n");
  process.exit(2);
}

const transport: Transport = async ({ method, path, headers, body }) => {
  const res = await fetch(`${base}${path}`, { method, headers, body, redirect: "manual" });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { status: res.status, location: res.headers.get("location"), text, json };
};

let position = 0;
try {
  const { steps } = await checkGuide(transport, values.key, {
    around: async (title, run) => {
      position++;
      await run();
      process.stdout.write(`  ✓ ${String(position).padStart(2)} ${title}\n`);
    },
  });
  process.stdout.write(`\nThe integration guide works as written: ${steps} steps against ${base}.\n`);
} catch (error) {
  if (error instanceof GuideStepFailure) {
    process.stdout.write(`  ✗ ${String(error.position).padStart(2)} ${error.title}\n\n${error.message}\n`);
    process.exit(1);
  }
  const reason = error instanceof Error ? error.message : String(error);
  process.stderr.write(`Could not run the guide check against ${base}: ${reason}\n`);
  process.exit(1);
}
