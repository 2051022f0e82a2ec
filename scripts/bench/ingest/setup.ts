import { BENCH_PRODUCT } from "./product";

export interface HttpFixture {
  platformId: string;
  key: string;
  customerIds: string[];
  hotCustomerId: string;
}

async function post(url: string, token: string, body: unknown): Promise<any> {
  const res = await fetch(url, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(body) });
  const text = await res.text();
  if (!res.ok) throw new Error(`POST ${url} → ${res.status} ${text}`);
  return JSON.parse(text);
}

/** A platform, the bench product and `count` subscribed customers (plus one for the hot wallet), through the HTTP API. */
export async function setupViaHttp(baseUrl: string, adminToken: string, count: number): Promise<HttpFixture> {
  const platform = await post(`${baseUrl}/api/admin/platforms`, adminToken, { name: `Bench ${Date.now()}` });
  const key = platform.test_key as string;
  await post(`${baseUrl}/api/v1/products`, key, BENCH_PRODUCT);
  const customerIds: string[] = [];
  const create = async (i: number) => {
    const body = { name: `Bench customer ${i}`, external_id: `bench-${i}`, subscriptions: [{ products: [{ code: BENCH_PRODUCT.code }] }] };
    return (await post(`${baseUrl}/api/v1/customers`, key, body)).id as string;
  };
  for (let i = 0; i < count; i += 16) {
    customerIds.push(...(await Promise.all(Array.from({ length: Math.min(16, count - i) }, (_, j) => create(i + j)))));
  }
  return { platformId: platform.id as string, key, customerIds, hotCustomerId: await create(count) };
}
