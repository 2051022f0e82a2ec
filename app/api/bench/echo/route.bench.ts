import { errorResponse } from "@/lib/http/route-kit";
import { BODY_LIMITS, readBodyText } from "@/lib/http/read-body";

const BODY = JSON.stringify({ ok: true });

// POST /api/bench/echo – reads the body and answers a constant: the HTTP ceiling of the benchmarks. Only a
// benchmark build has it (npm run bench:ingest builds with BILLFOLD_BENCH_BUILD=1, see next.config.ts).
export async function POST(req: Request): Promise<Response> {
  try {
    await readBodyText(req, BODY_LIMITS.api);
  } catch (error) {
    return errorResponse(error, "/api/bench/echo");
  }
  return new Response(BODY, { status: 201, headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" } });
}
