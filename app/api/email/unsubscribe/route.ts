import { BODY_LIMITS, readBodyText } from "@/lib/http/read-body";
import { errorResponse } from "@/lib/http/route-kit";
import { getDb } from "@/lib/kernel/db";
import { unsubscribeByToken } from "@/lib/domain/notifications/unsubscribe";

const tokenOf = (req: Request) => (new URL(req.url).searchParams.get("token") ?? "").slice(0, 600);

// POST /api/email/unsubscribe?token= – one-click unsubscribe (RFC 8058) from a mail client, or the confirmation page's form
export async function POST(req: Request): Promise<Response> {
  try {
    const token = tokenOf(req);
    await unsubscribeByToken(await getDb(), token);
    const oneClick = (await readBodyText(req, BODY_LIMITS.portal)).includes("List-Unsubscribe=One-Click");
    if (oneClick) return new Response("Unsubscribed.", { status: 200, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
    return new Response(null, { status: 303, headers: { location: `/unsubscribe?done=1&token=${encodeURIComponent(token)}` } });
  } catch (error) {
    return errorResponse(error, "/api/email/unsubscribe");
  }
}

// GET /api/email/unsubscribe?token= – never unsubscribes (link scanners open every link): shows the confirmation page
export function GET(req: Request): Response {
  return new Response(null, { status: 303, headers: { location: `/unsubscribe?token=${encodeURIComponent(tokenOf(req))}` } });
}
