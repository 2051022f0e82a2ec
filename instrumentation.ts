// Next.js calls register() once per server start, before serving requests. `next build` loads this
// file too; the database must not be opened then.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { boot } = await import("@/lib/boot/start");
  await boot();
}
