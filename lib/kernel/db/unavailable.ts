// Network failures reaching the server, and the SQLSTATEs of a server that is down, starting, or full:
// class 08 (connection exception), 57P01–57P03 (shutting down, crashed, starting up), 53300 (too many connections).
const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);
const SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300"]);
const MESSAGES = /Connection terminated|Connection ended unexpectedly|timeout exceeded when trying to connect|Client has encountered a connection error|Cannot use a pool after calling end|PGlite is closed/i;

/**
 * Whether `error` (or an error it wraps, as drizzle's query errors do) says the database cannot be
 * reached right now: a Postgres restart, a network cut, a full connection pool. The request did not
 * happen and may be retried, so it is answered 503, not 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, hops = 0; e && typeof e === "object" && hops < 10; e = (e as { cause?: unknown }).cause, hops++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === "string" && (NETWORK_CODES.has(code) || SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
    if (typeof message === "string" && MESSAGES.test(message)) return true;
  }
  return false;
}
