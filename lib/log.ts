import { env } from "@/lib/env";

type Level = "info" | "warn" | "error";

const RANK = { info: 0, warn: 1, error: 2, silent: 3 } as const;

function write(level: Level, message: string, fields: Record<string, unknown>): void {
  if (RANK[level] < RANK[env().LOG_LEVEL]) return;
  const line = JSON.stringify({ level, time: new Date().toISOString(), message, ...fields }, (_k, v: unknown) =>
    v instanceof Error ? { name: v.name, message: v.message, stack: v.stack } : v,
  );
  (level === "info" ? process.stdout : process.stderr).write(`${line}\n`);
}

/** Structured one-line JSON logs; the only place the server writes to the console. */
export const log = {
  info: (message: string, fields: Record<string, unknown> = {}) => write("info", message, fields),
  warn: (message: string, fields: Record<string, unknown> = {}) => write("warn", message, fields),
  error: (message: string, fields: Record<string, unknown> = {}) => write("error", message, fields),
};
