import { errorResponse } from "@/lib/http/route-kit";
import { handleSignInEmail } from "@/lib/http/sign-in-email";

// POST /api/sign-in/email – a signed-out customer asks for a sign-in link by email (form post; same answer for any address)
export async function POST(req: Request): Promise<Response> {
  try {
    return await handleSignInEmail(req);
  } catch (error) {
    return errorResponse(error, "/api/sign-in/email");
  }
}
