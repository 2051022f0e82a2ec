import { randomBytes, randomFillSync } from "node:crypto";

const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

const ID_PREFIXES = {
  platform: "acc",
  apiKey: "apk",
  customer: "cust",
  product: "prp",
  price: "prc",
  subscription: "sub",
  topUp: "top",
  transaction: "txn",
  vendor: "vnd",
  webhook: "whd",
  webhookEvent: "evt",
  coupon: "cpn",
  grant: "grn",
  attempt: "att",
  paymentMethod: "pm",
  order: "ord",
  invoice: "inv",
  email: "eml",
  hold: "hld",
} as const;

export type IdKind = keyof typeof ID_PREFIXES;

// Ids are minted by the thousand when events are ingested; one CSPRNG call per 256 ids instead of per id.
const POOL = Buffer.alloc(16 * 256);
let poolOffset = POOL.length;

function random16(): Uint8Array {
  if (poolOffset === POOL.length) {
    randomFillSync(POOL);
    poolOffset = 0;
  }
  poolOffset += 16;
  return Uint8Array.prototype.slice.call(POOL, poolOffset - 16, poolOffset);
}

/** UUIDv7 bytes: 48-bit millisecond timestamp, then random bits with version and variant set. */
function uuidV7Bytes(nowMs: number): Uint8Array {
  const bytes = random16();
  let ts = BigInt(nowMs);
  for (let i = 5; i >= 0; i--) {
    bytes[i] = Number(ts & 0xffn);
    ts >>= 8n;
  }
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  return bytes;
}

/** TypeID suffix: 128 bits as 26 Crockford base32 characters, most significant first. */
function encodeBase32(bytes: Uint8Array): string {
  let value = 0n;
  for (const b of bytes) value = (value << 8n) | BigInt(b);
  let out = "";
  for (let i = 0; i < 26; i++) {
    out = ALPHABET[Number(value & 31n)]! + out;
    value >>= 5n;
  }
  return out;
}

/** A new prefixed, time-sortable id such as `cust_01jd…`. */
export function newId(kind: IdKind, nowMs: number = Date.now()): string {
  return `${ID_PREFIXES[kind]}_${encodeBase32(uuidV7Bytes(nowMs))}`;
}

const SUFFIX = /^[0-7][0-9a-hjkmnp-tv-z]{25}$/;

/** True when `value` has the shape of an id of this kind; shape only, not existence. */
export function isId(kind: IdKind, value: string): boolean {
  const prefix = `${ID_PREFIXES[kind]}_`;
  return value.startsWith(prefix) && SUFFIX.test(value.slice(prefix.length));
}

/** A random url-safe secret with `bytes` bytes of entropy. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

/** A random lowercase base32 string of `chars` characters (5 bits each). */
export function randomBase32(chars: number): string {
  const bytes = randomBytes(chars);
  let out = "";
  for (const b of bytes) out += ALPHABET[b & 31]!;
  return out;
}
