// npm run mail:outbox -- [--to customer@example.com] [--limit 20] [--json] [--url http://localhost:3000]
// Prints the newest customer emails in the outbox, newest first, with their text: on a server without
// SMTP_URL they are kept there ("held"), sign-in links included, so an operator can read and follow them.
// Goes through the running server's admin API when Billfold is up (PGlite allows one process), else
// opens the database itself.
import { parseArgs } from "node:util";
// @ts-expect-error -- plain ESM helper shared with the start script
import { adminToken } from "./admin-token.mjs";

const { values } = parseArgs({ options: { to: { type: "string" }, limit: { type: "string" }, json: { type: "boolean" }, url: { type: "string" } } });
const limit = values.limit === undefined ? 20 : Number(values.limit);
if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
  process.stderr.write("Usage: npm run mail:outbox -- [--to address] [--limit 1..100] [--json]\n");
  process.exit(2);
}
const base = values.url ?? process.env.PORTAL_URL ?? `http://localhost:${process.env.PORT ?? "3000"}`;

interface Message {
  id: string;
  platform_id: string;
  kind: string;
  to: string;
  status: string;
  subject: string | null;
  text: string | null;
  last_error: string | null;
  created_at: string;
}

async function viaServer(): Promise<Message[] | null> {
  const healthy = await fetch(`${base}/api/health`).then((r) => r.ok).catch(() => false);
  if (!healthy) return null;
  const query = new URLSearchParams({ limit: String(limit), ...(values.to ? { to: values.to } : {}) });
  const res = await fetch(new URL(`/api/admin/emails?${query.toString()}`, base), { headers: { authorization: `Bearer ${adminToken() as string}` } });
  if (res.status !== 200) throw new Error(`The running server refused (${res.status}): was it started with this data directory?`);
  return ((await res.json()) as { items: Message[] }).items;
}

async function direct(): Promise<Message[]> {
  const { getDatabase } = await import("../lib/kernel/db");
  const { recentOutbox } = await import("../lib/domain/notifications/outbox");
  const database = await getDatabase();
  try {
    return await recentOutbox(database.db, { to: values.to, limit });
  } finally {
    await database.close();
  }
}

function show(m: Message): string {
  const head = `── ${m.created_at}  ${m.status.toUpperCase()}  ${m.kind} → ${m.to}  (${m.id}, platform ${m.platform_id})`;
  const body = m.text ?? (m.status === "pending" ? "(not composed yet: the sender runs within seconds)" : "(sent by SMTP; the body is not kept)");
  return [head, m.subject ? `Subject: ${m.subject}` : null, m.last_error ? `Note: ${m.last_error}` : null, "", body.trim(), ""].filter((l) => l !== null).join("\n");
}

try {
  const messages = (await viaServer()) ?? (await direct());
  if (values.json) process.stdout.write(`${JSON.stringify(messages, null, 2)}\n`);
  else process.stdout.write(messages.length === 0 ? "The outbox is empty.\n" : `${messages.map(show).join("\n")}\n`);
} catch (error) {
  process.stderr.write(`Could not read the outbox: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
