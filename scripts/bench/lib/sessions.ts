/** Signs `count` browser sessions in through real portal links; returns their Cookie header values. */
export async function portalCookies(baseUrl: string, apiKey: string, customerId: string, count: number): Promise<string[]> {
  const cookies: string[] = [];
  for (let i = 0; i < count; i++) {
    const link = await fetch(`${baseUrl}/api/v1/billing-portal/sessions`, {
      method: "POST",
      headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
      body: JSON.stringify({ customer_id: customerId, return_url: `${baseUrl}/signed-out`, failure_url: `${baseUrl}/signed-out` }),
    }).then((r) => r.json() as Promise<{ redirect_url: string }>);
    const res = await fetch(link.redirect_url.replace(/^https?:\/\/[^/]+/, baseUrl), { redirect: "manual" });
    const cookie = res.headers.get("set-cookie")?.split(";")[0];
    if (!cookie) throw new Error(`sign-in failed: ${res.status}`);
    cookies.push(cookie);
  }
  return cookies;
}
