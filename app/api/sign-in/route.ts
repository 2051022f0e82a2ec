import { errorResponse } from "@/lib/api/handler";
import { getDb } from "@/lib/db";
import { signIn } from "@/lib/portal/sign-in";

// GET /api/sign-in?token= – exchange a one-time portal link for a session cookie
export async function GET(req: Request): Promise<Response> {
  try {
    return await signIn(await getDb(), req);
  } catch (error) {
    return errorResponse(error, "/api/sign-in");
  }
}
