import ipaddr from "ipaddr.js";
import { z } from "zod";

// Empty strings count as unset, so `FOO= npm start` behaves like no FOO at all.
const optional = z.preprocess((v) => (v === "" ? undefined : v), z.string().optional());

const unset = (v: unknown) => (v === "" ? undefined : v);

/** STRIPE_API_URL as the SDK's connection options: a Stripe-compatible server such as stripe-mock or a test stub. */
const stripeApiUrl = z.preprocess(
  unset,
  z
    .url({ protocol: /^https?$/, error: "STRIPE_API_URL must be an http:// or https:// URL" })
    .transform((v) => {
      const url = new URL(v);
      const protocol = url.protocol === "https:" ? ("https" as const) : ("http" as const);
      return { host: url.hostname, port: Number(url.port || (protocol === "https" ? 443 : 80)), protocol };
    })
    .optional(),
);

/** A comma-separated list of proxy addresses or CIDR ranges, or `loopback`; each entry checked here. */
const trustedProxies = z.preprocess(
  (v) => (typeof v === "string" ? v.split(",").map((e) => e.trim()).filter(Boolean) : []),
  z.array(
    z.string().refine((e) => e === "loopback" || ipaddr.isValid(e) || ipaddr.isValidCIDR(e), {
      error: "TRUSTED_PROXIES entries must be IP addresses, CIDR ranges or `loopback`",
    }),
  ),
);

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must start with postgres:// or postgresql://")
      .optional(),
  ),
  /** A streaming replica of DATABASE_URL's database: the portal's read models are read there (lib/kernel/db/replica.ts). */
  DATABASE_REPLICA_URL: z.preprocess(
    unset,
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "DATABASE_REPLICA_URL must start with postgres:// or postgresql://")
      .optional(),
  ),
  BILLFOLD_DATA_DIR: z.string().default(".data"),
  PORTAL_URL: z.url().default("http://localhost:3000"),
  BILLFOLD_SECRET: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.string().min(32, "BILLFOLD_SECRET must be at least 32 characters").optional(),
  ),
  SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().positive().default(8),
  /** Without it the built-in test provider takes test-mode payments and live mode cannot take any. */
  STRIPE_SECRET_KEY: z.preprocess(
    unset,
    z.string().regex(/^(sk|rk)_(test|live)_\S+$/, "STRIPE_SECRET_KEY must look like sk_test_… or sk_live_…").optional(),
  ),
  STRIPE_WEBHOOK_SECRET: z.preprocess(unset, z.string().regex(/^whsec_\S+$/, "STRIPE_WEBHOOK_SECRET must start with whsec_").optional()),
  STRIPE_API_URL: stripeApiUrl,
  BILLFOLD_JOBS: z.enum(["on", "off"]).default("on"),
  /** Enables /api/admin (platform creation) for whoever holds this token; `npm start` sets one per data dir. */
  BILLFOLD_ADMIN_TOKEN: z.preprocess((v) => (v === "" ? undefined : v), z.string().min(32).optional()),
  /** Set by `npm start`: seed the demo platform on first run and write its credentials to the data dir. */
  BILLFOLD_SEED_DEMO: z.enum(["0", "1"]).default("0"),
  BILLFOLD_FAULTS: optional,
  /** Requests per minute per API key, summed over all instances. */
  RATE_LIMIT_API_PER_MINUTE: z.coerce.number().int().positive().default(120_000),
  /** Sign-in links that fail to verify, per minute per client address; a link that verifies is never limited. */
  RATE_LIMIT_SIGNIN_PER_MINUTE: z.coerce.number().int().positive().default(30),
  /** Sign-in emails a client address may ask for per minute (the page answers the same whether or not the email is known). */
  RATE_LIMIT_EMAIL_SIGNIN_PER_MINUTE: z.coerce.number().int().positive().default(10),
  /** Sign-in emails one email address may be sent per hour, whoever asks. */
  RATE_LIMIT_EMAIL_SIGNIN_PER_ADDRESS_HOUR: z.coerce.number().int().positive().default(5),
  /**
   * Reverse proxies whose X-Forwarded-For is believed (addresses, CIDR ranges or `loopback`). Empty by
   * default: the client is then the address that opened the connection, and any X-Forwarded-For is ignored.
   */
  TRUSTED_PROXIES: trustedProxies,
  /** Set by the production server (scripts/server/serve.mjs), which puts each connection's address in a header of its own. */
  BILLFOLD_PEER_HEADER: z.enum(["0", "1"]).default("0"),
  /** Requests with a bad or missing API key per minute per client address before 429 instead of 401. */
  RATE_LIMIT_BAD_KEY_PER_MINUTE: z.coerce.number().int().positive().default(60),
  /**
   * Lets platform webhooks point at loopback, private and link-local addresses: for local development
   * and tests whose receivers run on this machine. Off in production, where such a destination could
   * reach services behind the firewall.
   */
  WEBHOOKS_ALLOW_PRIVATE_DESTINATIONS: z.enum(["0", "1"]).default("0"),
  LOG_LEVEL: z.enum(["info", "warn", "error", "silent"]).default("info"),
  /**
   * The mail server customer emails go through (smtp://user:pass@host:587, smtps://… for TLS from the
   * start). Without it messages stay in the outbox, readable with `npm run mail:outbox`.
   */
  SMTP_URL: z.preprocess(unset, z.url({ protocol: /^smtps?$/, error: "SMTP_URL must be an smtp:// or smtps:// URL" }).optional()),
  /** The sender address of customer emails; each platform's name is shown as the sender's name. */
  MAIL_FROM: z.preprocess(unset, z.email("MAIL_FROM must be an email address").default("billing@billfold.localhost")),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

/** The validated environment. Throws a readable error naming each bad variable. */
export function env(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}

/** Tests change the environment between suites; this drops the cached copy. */
export function resetEnvCache(): void {
  cached = undefined;
}
