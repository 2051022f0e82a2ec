import ipaddr from "ipaddr.js";
import { env } from "@/lib/kernel/env";

/** The header the production server sets to the address of each connection, after dropping any a client sent. */
const PEER_HEADER = "x-billfold-peer";

/** When the connection's address is unknown (a server other than ours): one shared, failure-only bucket. */
export const UNKNOWN_CLIENT = "unknown";

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

let compiled: { source: string[]; ranges: Range[] } | undefined;

function trustedRanges(): Range[] {
  const source = env().TRUSTED_PROXIES;
  if (compiled?.source === source) return compiled.ranges;
  const ranges = source.flatMap((entry): Range[] => {
    if (entry === "loopback") return [ipaddr.parseCIDR("127.0.0.0/8"), ipaddr.parseCIDR("::1/128")];
    if (entry.includes("/")) return [ipaddr.parseCIDR(entry)];
    const address = ipaddr.parse(entry);
    return [[address, address.kind() === "ipv4" ? 32 : 128]];
  });
  compiled = { source, ranges };
  return ranges;
}

/** An address in its plain form: IPv4-mapped IPv6 (`::ffff:10.0.0.1`) as IPv4. Null when not an address. */
function normalize(value: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  const trimmed = value.trim();
  return ipaddr.isValid(trimmed) ? ipaddr.process(trimmed) : null;
}

function trusted(address: ipaddr.IPv4 | ipaddr.IPv6, ranges: Range[]): boolean {
  return ranges.some(([base, bits]) => base.kind() === address.kind() && address.match(base, bits));
}

/**
 * The client that sent a request: the connection's own address, unless that is a configured trusted
 * proxy, in which case X-Forwarded-For is walked from the right past every trusted proxy. Without
 * TRUSTED_PROXIES no forwarded header is believed, so no client can choose its own address.
 */
export function clientAddress(headers: Headers): string {
  const peer = env().BILLFOLD_PEER_HEADER === "1" ? headers.get(PEER_HEADER) : null;
  let address = peer ? normalize(peer) : null;
  if (!address) return UNKNOWN_CLIENT;
  const ranges = trustedRanges();
  const hops = (headers.get("x-forwarded-for") ?? "").split(",").reverse();
  for (const hop of hops) {
    if (!trusted(address, ranges)) break;
    const next = normalize(hop);
    if (!next) break;
    address = next;
  }
  return address.toString();
}
