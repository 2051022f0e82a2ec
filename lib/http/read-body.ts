import { AppError } from "@/lib/kernel/errors";

/** Per-route ceilings on request bodies; every body the app reads goes through readBodyText with one. */
export const BODY_LIMITS = {
  /** Platform API: an event batch of 100 events with their data fits with room to spare. */
  api: 4 * 1_048_576,
  /** Portal and test-checkout forms: a few small fields. */
  portal: 16 * 1024,
  /** Stripe sends events of a few kilobytes; its largest documented objects stay well below this. */
  stripeWebhook: 1_048_576,
  admin: 64 * 1024,
} as const;

function tooLarge(maxBytes: number): AppError {
  return new AppError("payload_too_large", `The body must be at most ${maxBytes} bytes.`);
}

/** Refuses a declared Content-Length over the limit: cheap, so callers do it before authenticating. */
export function refuseDeclaredOversize(req: Request, maxBytes: number): void {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge(maxBytes);
}

/**
 * Reads a request body as UTF-8 text, holding at most `maxBytes` of it. A declared Content-Length
 * over the limit is refused before a byte is read; a chunked body is read as a stream and cut off
 * the moment it passes the limit, so no size of upload is ever buffered whole.
 * @throws AppError payload_too_large (413)
 */
export async function readBodyText(req: Request, maxBytes: number): Promise<string> {
  refuseDeclaredOversize(req, maxBytes);
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      // Stop pulling: the rest of the upload is never read into memory.
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks, size));
}
