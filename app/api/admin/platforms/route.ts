import { errorResponse } from "@/lib/http/route-kit";
import { readJsonBody, validate } from "@/lib/http/parse";
import { BODY_LIMITS } from "@/lib/http/read-body";
import { json } from "@/lib/http/respond";
import { isAdminRequest } from "@/lib/http/admin/admin-auth";
import { createPlatformSchema } from "@/lib/http/admin/schemas";
import { getDb } from "@/lib/kernel/db";
import { createPlatform } from "@/lib/domain/platforms/create-platform";

// POST /api/admin/platforms – operator only: create a platform and show its API keys once
export async function POST(req: Request): Promise<Response> {
  if (!isAdminRequest(req)) return new Response(null, { status: 404 });
  try {
    const input = validate(createPlatformSchema, await readJsonBody(req, BODY_LIMITS.admin));
    const platform = await createPlatform(await getDb(), input);
    return json({ id: platform.id, name: platform.name, test_key: platform.testKey, live_key: platform.liveKey }, 201);
  } catch (error) {
    return errorResponse(error, "/api/admin/platforms");
  }
}
