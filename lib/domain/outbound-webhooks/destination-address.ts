import { lookup } from "node:dns/promises";
import type { LookupAddress } from "node:dns";
import ipaddr from "ipaddr.js";
import { env } from "@/lib/kernel/env";

/**
 * Public unicast only: no loopback, private (RFC 1918, unique local), link-local (cloud metadata
 * at 169.254.169.254), carrier-grade NAT, unspecified, multicast, reserved, benchmarking or IPv6
 * transition ranges that embed an IPv4 address (6to4, NAT64, Teredo). IPv4-mapped IPv6 counts as IPv4.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === "unicast";
}

/** Operators may allow private destinations for local development (receivers on localhost). */
export function privateDestinationsAllowed(): boolean {
  return env().WEBHOOKS_ALLOW_PRIVATE_DESTINATIONS === "1";
}

/** The URL's host without IPv6 brackets; WHATWG parsing already turned `2130706433` or `0x7f.1` into dotted form. */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, "$1");
}

export class BlockedAddressError extends Error {
  constructor() {
    super("destination address not allowed");
    this.name = "BlockedAddressError";
  }
}

/** The addresses of `host` a delivery may connect to: every address when allowed, else the public ones. */
export function allowedAddresses(addresses: LookupAddress[]): LookupAddress[] {
  return privateDestinationsAllowed() ? addresses : addresses.filter((a) => isPublicAddress(a.address));
}

const LOOKUP_TIMEOUT_MS = 3_000;

/**
 * Why a destination URL may not be registered, or null. An address literal must be public; a host
 * name must not resolve to anything else. A name that does not resolve (yet) is accepted: every
 * delivery resolves again and connects only to an address it checked.
 */
export async function destinationAddressProblem(url: URL): Promise<string | null> {
  if (privateDestinationsAllowed()) return null;
  const host = hostOf(url);
  const refused = "Must not point at a private, loopback, link-local or otherwise internal address.";
  if (ipaddr.isValid(host)) return isPublicAddress(host) ? null : refused;
  if (host === "localhost" || host.endsWith(".localhost")) return refused;
  const resolved = await Promise.race([
    lookup(host, { all: true }).catch(() => [] as LookupAddress[]),
    new Promise<LookupAddress[]>((resolve) => setTimeout(() => resolve([]), LOOKUP_TIMEOUT_MS).unref()),
  ]);
  return resolved.some((a) => !isPublicAddress(a.address)) ? refused : null;
}
