import { idempotencyKeyOf, requestDigest } from "@/lib/kernel/idempotency";
import type { Db } from "@/lib/kernel/db";
import { defaultRedirectUrl, getPlatformOrThrow } from "@/lib/domain/platforms/get-platform";
import { checkRedirectUrls, mintPortalLink } from "@/lib/domain/portal-sessions/create-session-link";
import type { PlatformScope } from "@/lib/kernel/scope";
import { DEFAULT_ACCOUNT } from "@/lib/domain/wallet/account-id";
import { initiateTopUp } from "./initiate";
import type { CreateTopUpInput } from "./schema";
import type { TopUpRow } from "./store";

function requestHash(input: CreateTopUpInput): string {
  return requestDigest([
    input.customer_id, input.amount.toString(), input.currency, input.description ?? null,
    input.destination?.account_name ?? null, input.destination?.asset ?? null, input.destination?.exchange_rate?.toString() ?? null,
    input.credit_expires_at?.toISOString() ?? null, input.return_url ?? null, input.failure_url ?? null,
    Object.entries(input.metadata ?? {}).sort(([a], [b]) => a.localeCompare(b)),
  ]);
}

/**
 * POST /top-ups: a top-up the platform starts for its customer. The redirect_url signs the customer
 * into the portal and lands them on Checkout; after paying they go to return_url (or the portal).
 * A replay with the same Idempotency-Key returns the same top-up with a fresh sign-in link (links are single-use).
 * @throws NotFoundError, ValidationError, IdempotencyMismatchError, PaymentsUnavailableError, PaymentProviderUnavailableError
 */
export async function createApiTopUp(
  db: Db,
  scope: PlatformScope,
  input: CreateTopUpInput,
  idempotencyKey: string | null,
): Promise<{ topUp: TopUpRow; redirectUrl: string; replayed: boolean }> {
  idempotencyKeyOf(idempotencyKey);
  const platform = await getPlatformOrThrow(db, scope.platformId);
  const urls = Object.fromEntries(Object.entries({ return_url: input.return_url, failure_url: input.failure_url }).filter(([, v]) => v)) as Record<string, string>;
  checkRedirectUrls(urls, platform.branding.allowedRedirectOrigins);
  const { topUp, replayed } = await initiateTopUp(
    db,
    scope,
    {
      customerId: input.customer_id, amount: input.amount, currency: input.currency,
      accountName: input.destination?.account_name ?? DEFAULT_ACCOUNT, asset: input.destination?.asset ?? input.currency,
      exchangeRate: input.destination?.exchange_rate, description: input.description, metadata: input.metadata,
      creditExpiresAt: input.credit_expires_at, returnUrl: input.return_url, failureUrl: input.failure_url,
      idempotencyKey, requestHash: requestHash(input),
    },
    "api",
  );
  const fallback = defaultRedirectUrl(platform);
  const link = await mintPortalLink(db, scope, {
    customerId: topUp.customerId,
    returnUrl: topUp.returnUrl ?? fallback,
    failureUrl: topUp.failureUrl ?? fallback,
    next: `/top-up/checkout/${topUp.id}`,
    ...(input.locale === "auto" ? {} : { locale: input.locale }),
  });
  return { topUp, redirectUrl: link.redirectUrl, replayed };
}
