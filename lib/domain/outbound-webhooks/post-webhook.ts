import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from "node:dns";
import http from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import { allowedAddresses, BlockedAddressError, hostOf, isPublicAddress, privateDestinationsAllowed } from "./destination-address";

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * Resolves the host once and hands the socket only addresses that passed the check, so the
 * connection goes to the very address that was checked: a DNS answer that changes between a check
 * and the connection (rebinding) has nothing to change.
 */
function checkedLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  dnsLookup(hostname, { all: true, family: options.family }, (error, addresses) => {
    if (error) return callback(error, []);
    const allowed = allowedAddresses(addresses);
    if (allowed.length === 0) return callback(new BlockedAddressError(), []);
    if (options.all) return callback(null, allowed);
    callback(null, allowed[0]!.address, allowed[0]!.family);
  });
}

/** A delivery's outcome in words that say what happened without describing the network behind the URL. */
export function deliveryErrorText(error: unknown): string {
  if (error instanceof BlockedAddressError) return error.message;
  const e = error as { name?: string; code?: string };
  if (e?.name === "TimeoutError" || e?.name === "AbortError") return "timed out";
  if (e?.code === "ENOTFOUND" || e?.code === "EAI_AGAIN") return "host not found";
  return "connection failed";
}

/**
 * POSTs `body` to a platform's webhook URL and resolves with the status code. Never follows
 * redirects and never reads the answer's body; `signal` bounds the whole exchange.
 * @throws BlockedAddressError when the URL's address is internal (unless WEBHOOKS_ALLOW_PRIVATE_DESTINATIONS)
 */
export function postWebhook(url: string, headers: Record<string, string>, body: string, signal: AbortSignal): Promise<number> {
  const target = new URL(url);
  const host = hostOf(target);
  // An address literal is connected to without a lookup, so it is checked here.
  if (isIP(host) !== 0 && !privateDestinationsAllowed() && !isPublicAddress(host)) return Promise.reject(new BlockedAddressError());
  const client = target.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      target,
      { method: "POST", headers: { ...headers, "content-length": String(Buffer.byteLength(body)) }, lookup: checkedLookup, signal, agent: false },
      (res) => {
        res.destroy();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}
