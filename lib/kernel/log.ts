import { env } from "@/lib/kernel/env";

type Level = "info" | "warn" | "error";

const RANK = { info: 0, warn: 1, error: 2, silent: 3 } as const;

// Postgres error fields that name what failed; `detail`, `where` and `hint` can quote the row's values.
const DATABASE_FIELDS = ["code", "severity", "schema", "table", "column", "constraint", "routine"] as const;

function isQueryError(error: Error): error is Error & { query: string; params: unknown[] } {
  return typeof (error as { query?: unknown }).query === "string" && Array.isArray((error as { params?: unknown }).params);
}

function isDatabaseError(error: Error): error is Error & Record<(typeof DATABASE_FIELDS)[number], string | undefined> {
  const e = error as { code?: unknown; severity?: unknown };
  return typeof e.code === "string" && /^[0-9A-Z]{5}$/.test(e.code) && typeof e.severity === "string";
}

/** A database message without the value it quotes: `invalid input syntax for type uuid: "…"`. */
function withoutQuotedValue(message: string): string {
  return message.replace(/: ".*"$/s, ': "…"');
}

/**
 * What an operator needs of an error: its kind, the database's code and constraint, the statement
 * that failed and where in the code, never the values bound to the statement (event data, metadata,
 * customer ids), which drizzle puts in its message.
 */
function describeError(error: unknown, depth = 0): unknown {
  if (!(error instanceof Error)) return typeof error === "string" ? error.slice(0, 500) : String(error);
  const frames = (error.stack ?? "").split("\n").filter((line) => line.startsWith("    at ")).slice(0, 12).join("\n");
  const out: Record<string, unknown> = { name: error.name };
  // PGlite's database errors carry the query and its parameters too: the database fields win.
  if (isDatabaseError(error)) {
    out.message = withoutQuotedValue(error.message);
    for (const field of DATABASE_FIELDS) if (error[field]) out[field] = error[field];
  } else if (isQueryError(error)) {
    out.message = "Failed query";
    out.query = error.query.slice(0, 2000);
  } else {
    out.message = error.message;
  }
  if (frames) out.stack = frames;
  if (error.cause !== undefined && depth < 3) out.cause = describeError(error.cause, depth + 1);
  return out;
}

/** One line for a job's last_error and the like: the described error, without its stack. */
export function errorSummary(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = describeError(error); e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const { name, message, code, constraint } = e as Record<string, unknown>;
    parts.push([name === "Error" ? message : `${name}: ${message}`, code && `code ${code}`, constraint && `constraint ${constraint}`].filter(Boolean).join(", "));
  }
  return parts.length > 0 ? parts.join(" ← ") : String(describeError(error));
}

function write(level: Level, message: string, fields: Record<string, unknown>): void {
  if (RANK[level] < RANK[env().LOG_LEVEL]) return;
  const line = JSON.stringify({ level, time: new Date().toISOString(), message, ...fields }, (_k, v: unknown) => (v instanceof Error ? describeError(v) : v));
  (level === "info" ? process.stdout : process.stderr).write(`${line}\n`);
}

/** Structured one-line JSON logs; the only place the server writes to the console. */
export const log = {
  info: (message: string, fields: Record<string, unknown> = {}) => write("info", message, fields),
  warn: (message: string, fields: Record<string, unknown> = {}) => write("warn", message, fields),
  error: (message: string, fields: Record<string, unknown> = {}) => write("error", message, fields),
};
