// Read-your-writes with a read replica: a customer who just changed something (paid, started a top-up,
// changed a setting) reads the portal from the primary for a while, so the replica's lag can never
// show them the state from before their own action. A plain marker: it grants nothing but fresher reads.
export const READ_PRIMARY_COOKIE = "billfold_read_primary";
// Longer than a checkout round trip usually takes; the replica is normally well under a second behind.
const READ_PRIMARY_SECONDS = 120;

export function readPrimaryCookie(): string {
  return `${READ_PRIMARY_COOKIE}=1; Path=/; HttpOnly; SameSite=Lax; Max-Age=${READ_PRIMARY_SECONDS}`;
}

/** Whether a Cookie header carries the marker. */
export function wantsPrimary(cookieHeader: string | null): boolean {
  return cookieHeader !== null && cookieHeader.split(";").some((part) => part.trim() === `${READ_PRIMARY_COOKIE}=1`);
}

/** The response with the marker set: for a change the customer made that succeeded. */
export function withReadPrimary(response: Response): Response {
  if (!response.ok) return response;
  const marked = new Response(response.body, response);
  marked.headers.append("set-cookie", readPrimaryCookie());
  return marked;
}
