import { after } from "next/server";
import { z } from "zod";
import { getDb } from "@/lib/kernel/db";
import { env } from "@/lib/kernel/env";
import { AppError, RateLimitedError } from "@/lib/kernel/errors";
import { emailField, textField } from "@/lib/kernel/fields/fields";
import { log } from "@/lib/kernel/log";
import { clientAddress, enforceRateLimit } from "@/lib/kernel/rate-limit";
import { requestSignInEmail } from "@/lib/domain/notifications/sign-in-request";
import { verifiedSignInPlatform } from "@/lib/domain/portal-sessions/sign-in-platform";
import { validate } from "./parse";
import { BODY_LIMITS, readBodyText } from "./read-body";

const formSchema = z.strictObject({ email: emailField(), platform: textField(40), psig: textField(100) });

function seeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { location, "cache-control": "no-store" } });
}

/**
 * The sign-in-by-email form. Whatever the address, the answer is the same "check your email" page,
 * sent before any customer is looked up: the look-up and the queueing run after the response, so
 * neither the page nor its timing tells whether the address is known.
 * @throws ValidationError (bad form), AppError forbidden (cross-site form)
 */
export async function handleSignInEmail(req: Request): Promise<Response> {
  const origin = req.headers.get("origin");
  if (origin !== new URL(req.url).origin && origin !== new URL(env().PORTAL_URL).origin) throw new AppError("forbidden", "cross-origin request refused");
  const form = validate(formSchema, Object.fromEntries(new URLSearchParams(await readBodyText(req, BODY_LIMITS.portal))));
  const db = await getDb();
  const platformId = await verifiedSignInPlatform(db, form);
  if (!platformId) throw new AppError("bad_request", "The form does not name a platform.");
  const back = new URLSearchParams({ platform: platformId, psig: form.psig });
  try {
    await enforceRateLimit("email-sign-in-client", clientAddress(req.headers));
    await enforceRateLimit("email-sign-in-address", form.email.toLowerCase());
  } catch (error) {
    if (error instanceof RateLimitedError) return seeOther(`/check-email?${back.toString()}&limited=1`);
    throw error;
  }
  after(() => requestSignInEmail(db, platformId, form.email).catch((e: unknown) => log.error("sign-in email not queued", { error: e })));
  return seeOther(`/check-email?${back.toString()}`);
}
