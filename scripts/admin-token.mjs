import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/** The operator token for /api/admin, kept (0600) in the data directory and created on first use. */
export function adminToken(dataDir = process.env.BILLFOLD_DATA_DIR ?? ".data") {
  if (process.env.BILLFOLD_ADMIN_TOKEN) return process.env.BILLFOLD_ADMIN_TOKEN;
  const file = path.resolve(dataDir, "admin-token");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const token = randomBytes(32).toString("base64url");
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  return token;
}
