import { errorResponse } from "@/lib/http/route-kit";
import { getDb } from "@/lib/kernel/db";
import { signIn } from "@/lib/domain/portal-sessions/sign-in";

// GET /api/sign-in?token= – exchange a one-time portal link for a session cookie
export async function GET(req: Request): Promise<Response> {
  try {
    return await signIn(await getDb(), req);
  } catch (error) {
    return errorResponse(error, "/api/sign-in");
  }
}
