import { NotFoundError } from "@/lib/kernel/errors";

export const DEFAULT_ACCOUNT = "default";
export const ACCOUNT_NAME = /^[A-Za-z0-9_-]{1,40}$/;

/**
 * "default:USD" → { name: "default", asset: "USD" }. The route already decoded the path segment once;
 * decoding again would read `%25` as the start of an escape. @throws NotFoundError for anything else.
 */
export function parseAccountId(accountId: string): { name: string; asset: string } {
  const match = /^([A-Za-z0-9_-]{1,40}):([A-Za-z][A-Za-z0-9_]{0,19})$/.exec(accountId);
  if (!match) throw new NotFoundError("Account");
  return { name: match[1]!, asset: match[2]! };
}

export function formatAccountId(name: string, asset: string): string {
  return `${name}:${asset}`;
}
