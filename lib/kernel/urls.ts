const MAX_URL_LENGTH = 2048;

/**
 * Why a URL the portal would redirect to is unacceptable, or null when it is fine: it must be an
 * absolute http(s) URL without credentials, and its origin must be one of `allowedOrigins` when
 * the platform lists any. Exact origin comparison defeats look-alikes (`good.com.evil.com`, IDN
 * homographs become punycode and no longer match).
 */
export function redirectUrlProblem(value: string, allowedOrigins: readonly string[]): string | null {
  if (value.length > MAX_URL_LENGTH) return `Must be at most ${MAX_URL_LENGTH} characters.`;
  // Browsers repair backslashes, whitespace and control characters in ways that change the host.
  if (/[\\\s\u0000-\u001f\u007f]/.test(value)) return "Must not contain spaces, backslashes or control characters.";
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "Must be an absolute http:// or https:// URL.";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "Must be an absolute http:// or https:// URL.";
  if (!/^https?:\/\/[^/]/i.test(value)) return "Must be an absolute http:// or https:// URL.";
  if (url.username || url.password) return "Must not contain a user name or password.";
  if (!url.hostname) return "Must include a host.";
  if (allowedOrigins.length > 0 && !allowedOrigins.includes(url.origin)) {
    return `Its origin ${url.origin} is not one of the platform's allowed redirect origins.`;
  }
  return null;
}

export function isSafeRedirectUrl(value: string, allowedOrigins: readonly string[]): boolean {
  return redirectUrlProblem(value, allowedOrigins) === null;
}
