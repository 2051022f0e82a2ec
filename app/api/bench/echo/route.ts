import { errorResponse } from "@/lib/api/handler";
import { BODY_LIMITS, readBodyText } from "@/lib/api/read-body";
import { env } from "@/lib/env";

const BODY = JSON.stringify({ ok: true });

// POST /api/bench/echo – benchmarks only (BILLFOLD_BENCH=1): reads the body and answers a constant, the HTTP ceiling
export async function POST(req: Request): Promise<Response> {
  if (env().BILLFOLD_BENCH !== "1") return new Response(null, { status: 404 });
  try {
    await readBodyText(req, BODY_LIMITS.api);
  } catch (error) {
    return errorResponse(error, "/api/bench/echo");
  }
  return new Response(BODY, { status: 201, headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" } });
}
