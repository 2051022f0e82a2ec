/** A portal API call from the browser; an ended session leaves for the platform's failure_url. */
export async function fetchPortal<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(path, { ...init, headers: { "content-type": "application/json", ...init?.headers } });
  if (res.status === 401) {
    const body = (await res.json().catch(() => ({}))) as { failure_url?: string };
    window.location.assign(body.failure_url ?? "/signed-out");
    throw new Error("Your session has ended.");
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { detail?: string; errors?: Record<string, string[]> };
    const first = body.errors ? Object.values(body.errors)[0]?.[0] : undefined;
    throw new Error(first ?? body.detail ?? `Request failed (${res.status}).`);
  }
  return (await res.json()) as T;
}
