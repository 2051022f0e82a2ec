// GET /api/ping – liveness without touching the database; also the HTTP ceiling in benchmarks
export function GET(): Response {
  return Response.json({ ok: true }, { headers: { "cache-control": "no-store" } });
}
