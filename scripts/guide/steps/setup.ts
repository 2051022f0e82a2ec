// Before the guide, then its Step 1 (authentication) and Step 2 (assets and products).
import { captured, expectEmptyBody, expectResponse, expectStatus, matching } from "../expect";
import type { GuideStep } from "../run-guide";

const EMPTY_PLATFORM = "the guide needs an empty platform: npm start prints one's key, npm run platform:create makes more";

/** The answer to a product the guide creates with publish: true. */
function publishedProduct(code: string, idName: string): GuideStep["check"] {
  return (res, ctx) => {
    expectResponse(res, 201, { id: matching(/^prp_[0-9a-z]{26}$/), code, version: 1, status: "published", is_default: true });
    ctx.ids[idName] = captured(res, "id");
  };
}

export const setupSteps: GuideStep[] = [
  {
    name: "no_assets",
    title: `Before the guide: the platform has no custom assets (${EMPTY_PLATFORM})`,
    method: "GET",
    path: "/assets",
    check: (res) => expectResponse(res, 200, { items: [], total_count: 0 }),
  },
  {
    name: "no_products",
    title: "Before the guide: the platform has no products",
    method: "GET",
    path: "/products",
    check: (res) => expectResponse(res, 200, { items: [], total_count: 0 }),
  },
  {
    name: "connection",
    title: "Step 1 · test your connection: list customers with the X-CREDYT-API-KEY header",
    method: "GET",
    path: "/customers",
    check: (res) => expectResponse(res, 200, { items: [], total_count: 0, limit: 20, offset: 0 }),
  },
  {
    name: "wrong_key",
    title: "Step 1 · a wrong key: authentication failed (401, empty body)",
    method: "GET",
    path: "/customers",
    key: "key_test_not_a_real_key_0000000000",
    check: (res) => {
      expectStatus(res, 401);
      expectEmptyBody(res);
    },
  },
  {
    name: "credit_asset",
    title: "Step 2 · create the custom asset CREDIT first",
    method: "POST",
    path: "/assets",
    body: "step2_credit_asset",
    check: (res) =>
      expectResponse(res, 201, { code: "CREDIT", name: "Credits", type: "custom", precision: 0, symbol: "⭐", label: "CR", "rates[0].source": "USD", "rates[0].rate": 0.05 }),
  },
  { name: "image_product", title: "Step 2 · a product priced in CREDIT (10 per image)", method: "POST", path: "/products", body: "step2_image_product", check: publishedProduct("image_gen_std", "imageProduct") },
  { name: "unit_product", title: "Step 2 · unit-based pricing: $2.50 per video", method: "POST", path: "/products", body: "step2_unit_product", check: publishedProduct("video_gen_std", "videoProduct") },
  { name: "volume_product", title: "Step 2 · volume-based pricing: $0.001 per token", method: "POST", path: "/products", body: "step2_volume_product", check: publishedProduct("chat_service_std", "chatProduct") },
  {
    name: "dimensional_product",
    title: "Step 2 · dimensional pricing: a rate per model",
    method: "POST",
    path: "/products",
    body: "step2_dimensional_product",
    check: publishedProduct("chat_multimodel", "multimodelProduct"),
  },
  {
    name: "publish_later",
    title: "Step 2 · publish it later using PATCH /products/:productId/:version",
    implied: true,
    method: "PATCH",
    path: "/products/{{productId}}/1",
    body: { own: { publish: true } },
    values: (ctx) => ({ productId: ctx.ids.videoProduct }),
    check: (res, ctx) => expectResponse(res, 200, { id: ctx.ids.videoProduct, code: "video_gen_std", version: 1, status: "published", is_default: true }),
  },
];
