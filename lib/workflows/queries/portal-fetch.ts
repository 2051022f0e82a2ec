import { LosslessNumber, stringify } from "lossless-json";

/** A refused portal request, with the problem's field errors when it was a validation problem. */
export class PortalApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors: Record<string, string[]> = {},
  ) {
    super(message);
    this.name = "PortalApiError";
  }

  /** The first message for a field, for showing next to it. */
  field(name: string): string | undefined {
    return this.errors[name]?.[0];
  }
}

/** Marks a decimal typed by the customer so it is sent as that exact JSON number, never through a float. */
export function exactNumber(text: string): LosslessNumber {
  return new LosslessNumber(text);
}

/**
 * Calls an /api/portal route as the signed-in customer. Mutations send JSON (the CSRF check wants it);
 * an ended session sends the browser to the platform's failure_url. Field errors stay attached (forms
 * show them in place), and typed decimals travel as exact JSON numbers.
 */
export async function portalFetch<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const method = init.method ?? "GET";
  const res = await fetch(path, {
    method,
    headers: method === "GET" ? {} : { "content-type": "application/json" },
    body: method === "GET" ? undefined : (stringify(init.body ?? {}) ?? "{}"),
    credentials: "same-origin",
  });
  const data = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (res.status === 401) window.location.assign(typeof data.failure_url === "string" ? data.failure_url : "/signed-out");
  if (!res.ok) {
    const errors = (data.errors as Record<string, string[]> | undefined) ?? {};
    const message = Object.values(errors)[0]?.[0] ?? (data.detail as string | undefined) ?? "Something went wrong. Please try again.";
    throw new PortalApiError(res.status, message, errors);
  }
  return data as T;
}
